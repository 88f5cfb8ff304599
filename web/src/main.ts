import { createApp } from 'vue';
import App from './App.vue';
import { i18n } from './i18n';
import { router } from './router';
import { onUnauthorized } from './api/client';
import { session } from './stores/session';
import { endSession } from './stores/live';
import './styles.css';

// The session expired (a 401 on a normal call): back to the login page, keeping where we were.
onUnauthorized(() => {
  if (!session.user) return;
  session.forget();
  endSession();
  const current = router.currentRoute.value;
  void router.replace({ name: 'login', query: current.name === 'login' ? {} : { redirect: current.fullPath } });
});

createApp(App).use(i18n).use(router).mount('#app');
