import { CommunePlan } from './plan.ts';
import xuanHoa2024 from './xuan-hoa-2024.json' with { type: 'json' };

export * from './plan.ts';

/** The Xuân Hoà 2024 plan: the demo and test default (SPEC section 2). */
export const XUAN_HOA_2024: CommunePlan = CommunePlan.parse(xuanHoa2024);

/** Plans shipped with the engine, by id. */
export const BUILT_IN_PLANS: Readonly<Record<string, CommunePlan>> = { [XUAN_HOA_2024.id]: XUAN_HOA_2024 };
