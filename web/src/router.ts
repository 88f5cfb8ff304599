import { createRouter, createWebHistory } from 'vue-router';
import { safeRedirect } from './lib/redirect';
import { session } from './stores/session';
import { startSession } from './stores/live';
import LoginPage from './pages/LoginPage.vue';
import InboxPage from './pages/InboxPage.vue';
import RulesPage from './pages/RulesPage.vue';
import SlaPage from './pages/SlaPage.vue';
import WorkloadPage from './pages/WorkloadPage.vue';

export const router = createRouter({
  history: createWebHistory('/'),
  routes: [
    { path: '/login', name: 'login', component: LoginPage, meta: { public: true } },
    // Both inbox routes use the same component: opening an incident does not remount the list.
    { path: '/', name: 'inbox', component: InboxPage },
    { path: '/incidents/:id', name: 'incident', component: InboxPage },
    // Workflow rules: admins only (the API refuses everyone else too).
    { path: '/rules', name: 'rules', component: RulesPage, meta: { admin: true } },
    // SLA policies and business calendars: admins only (agents may read them through the API, not edit them).
    { path: '/sla', name: 'sla', component: SlaPage, meta: { admin: true } },
    // The technicians' workload: agents and admins (technicians see only their own incidents).
    { path: '/workload', name: 'workload', component: WorkloadPage, meta: { staff: true } },
    { path: '/:pathMatch(.*)*', redirect: '/' },
  ],
});

router.beforeEach(async (to) => {
  const wasChecked = session.state.checked;
  const user = await session.ensure();
  if (user && !wasChecked) startSession();
  if (to.meta.public) return user ? safeRedirect(to) : true;
  if (!user) return { name: 'login', query: to.fullPath !== '/' ? { redirect: to.fullPath } : {} };
  if (to.meta.admin && user.role !== 'admin') return { path: '/' };
  if (to.meta.staff && user.role !== 'admin' && user.role !== 'agent') return { path: '/' };
  return true;
});
