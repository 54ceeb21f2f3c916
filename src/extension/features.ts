import type { Feature } from './feature.js';
import { registerAskOfficialName } from './commands/ask-official-name.js';
import { registerCheckWorkspace } from './commands/check-workspace.js';
import { registerCompile } from './commands/compile.js';
import { registerImportPlan } from './commands/import-plan.js';
import { registerRuleDocumentation } from './commands/rule-documentation.js';
import { registerPreview } from './preview/index.js';
import { registerStatusBar } from './status-bar.js';

/** Every part of the extension, registered in this order by activate(). */
export const features: Feature[] = [
    registerCompile,
    registerCheckWorkspace,
    registerRuleDocumentation,
    registerAskOfficialName,
    registerStatusBar,
    registerPreview,
    registerImportPlan,
];
