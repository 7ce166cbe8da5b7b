/**
 * Venio simulator: settings. Seed 000's menu lists Setting → Get HeaderTemplate (GET) [SEED 000];
 * sales orders carry a `headerTemplateId` [PUB api-3590382]. [INF] path GET /v1/settings/header-templates
 * answering [{headerTemplateId, headerTemplateName, documentType, isDefault}] (adjustable through
 * options.paths).
 */
import { ok } from './helpers';

// [INF] The header templates a company has (letterheads of quotations and sales orders).
export const HEADER_TEMPLATES = [
	{ headerTemplateId: 1, headerTemplateName: 'บริษัท ตัวอย่าง จำกัด (สำนักงานใหญ่)', documentType: 'all', isDefault: true },
	{ headerTemplateId: 2, headerTemplateName: 'Sample Co., Ltd. (Chiang Mai branch)', documentType: 'all', isDefault: false },
	{ headerTemplateId: 3, headerTemplateName: 'Sample Co., Ltd. – Tax invoice', documentType: 'salesOrder', isDefault: false },
];

export const SETTING_ROUTES = [['headerTemplates', 'GET', '/v1/settings/header-templates', () => ok(structuredClone(HEADER_TEMPLATES))]] as const;
