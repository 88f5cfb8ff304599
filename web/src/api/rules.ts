/** The workflow-rule endpoints (admins only), one typed function each. */
import type { DryRunDto, DryRunRequest, RuleDto, RuleInput, RuleOrder } from '@contracts';
import { api, request } from './client';

const rulePath = (id: string) => `/api/rules/${encodeURIComponent(id)}`;

/** All rules, in the order they run. */
export const listRules = () => api.get<RuleDto[]>('/api/rules');
/** A new rule (last unless `position` is given); 400 names each wrong field by path ("conditions[1].in[0]"). */
export const createRule = (body: RuleInput) => api.post<RuleDto>('/api/rules', body);
/** Only what is given changes; 409 when `version` is not the stored one. */
export const updateRule = (id: string, body: Partial<RuleInput> & { version: number }) => api.patch<RuleDto>(rulePath(id), body);
export const deleteRule = (id: string) => api.delete<void>(rulePath(id));
/** Every rule id in the new order; answers the rules in it. */
export const reorderRules = (ids: string[]) => request<RuleDto[]>('PUT', '/api/rules/order', { ids } satisfies RuleOrder);
/** What the rules (with `rule` in place of the stored one of its id, or added) would have done to the last incidents. */
export const dryRunRules = (body: DryRunRequest) => api.post<DryRunDto>('/api/rules/dry-run', body);
