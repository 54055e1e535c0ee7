import type { MappedRecord, WorkLocationFields } from './mapped-record.js';
import { buildRecord, MapIssues } from './record-builder.util.js';
import { nullIfEmpty } from './xero-contact-info.util.js';
import type { UsWorkLocation } from './xero-us-payroll.schema.js';
import { flag, text } from './xero-value.util.js';

export type MappedWorkLocation = MappedRecord<WorkLocationFields>;

/** Maps a legacy US Payroll WorkLocation (raw JSON); rule 17: work locations exist for US only. */
export function mapXeroUsWorkLocation(location: UsWorkLocation): MappedWorkLocation {
  const issues = new MapIssues();
  const street = text(location.StreetAddress);
  return buildRecord('WorkLocation', issues, {
    xeroId: text(location.WorkLocationID),
    idField: 'WorkLocationID',
    updatedAt: location.UpdatedDateUTC,
    fields: {
      // The legacy API had no Name; the street address is what Xero showed for a location.
      name: text(location.Name) ?? street ?? '',
      address: nullIfEmpty({
        attention: null,
        line1: street,
        line2: text(location.SuiteOrAptOrUnit),
        city: text(location.City),
        region: text(location.State),
        postalCode: text(location.Zip),
        country: null,
      }),
      phone: nullIfEmpty({ landline: text(location.PhoneNumber), landline2: null, mobile: null, fax: null }),
      isPrimary: flag(location.IsPrimary),
    },
  });
}
