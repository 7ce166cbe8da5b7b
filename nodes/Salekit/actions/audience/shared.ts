import type { IDataObject } from 'n8n-workflow';

import { GENDER_VALUES } from '../../fields';

/** The audience body as Salekit wants it: tag lists joined by commas, gender in Vietnamese. */
export function toSalekitAudience(body: IDataObject): IDataObject {
	const out: IDataObject = { ...body };
	for (const key of ['tag', 'un_tag']) {
		if (Array.isArray(out[key])) {
			const joined = (out[key] as string[]).join(',');
			if (joined) out[key] = joined;
			else delete out[key];
		}
	}
	if (out.gender === 'male' || out.gender === 'female') out.gender = GENDER_VALUES[out.gender];
	return out;
}

/** What the node outputs: Salekit only says "Thành công", so the audience as sent is returned with it. */
export function audienceOutput(body: IDataObject, response: IDataObject): IDataObject {
	return {
		success: response.error === false,
		message: response.msg ?? null,
		...(response.data ? { audience: response.data } : {}),
		email: body.email ?? null,
		full_name: body.full_name ?? null,
		phone: body.phone ?? null,
		tagsAdded: (body.tag as string[] | undefined) ?? [],
		tagsRemoved: (body.un_tag as string[] | undefined) ?? [],
	};
}
