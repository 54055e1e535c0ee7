import type { EntityManager } from 'typeorm';
import type { EmployeesListWidget } from './people-widgets.types.js';
import { periodsPerYear, type WidgetPeriod } from './widget-period.js';
import { BASE_CURRENCY_CTE } from './widget-sql.js';

/**
 * Employees with their pay for one period: the pay lines in effect on `asOf` (the newest per pay item),
 * annualised (salary, or hourly rate x hours per week x 52) and divided by the periods in a year; the
 * average rate is annual pay / (hours per week x 52).
 */
export async function employeesList(
  manager: EntityManager,
  tenantId: string,
  args: { period: WidgetPeriod; asOf: string },
): Promise<EmployeesListWidget> {
  const n = periodsPerYear(args.period);
  const rows: Array<Record<string, unknown>> = await manager.query(
    `WITH ${BASE_CURRENCY_CTE},
     sal AS (
       SELECT DISTINCT ON (s.employee_id, COALESCE(s.pay_item_id, s.id)) s.*
         FROM employee_salaries s
        WHERE s.tenant_id = $1 AND s.deleted_at IS NULL AND (s.effective_from IS NULL OR s.effective_from <= $2::date)
        ORDER BY s.employee_id, COALESCE(s.pay_item_id, s.id), s.effective_from DESC NULLS LAST
     ),
     pay AS (
       SELECT employee_id, min(currency) AS currency, bool_or(type = 'SALARY') AS salaried,
              sum(CASE WHEN type = 'SALARY' THEN COALESCE(annual_salary, 0)
                       ELSE COALESCE(hourly_rate, 0) * COALESCE(hours_per_week, 0) * 52 END) AS annual,
              max(COALESCE(hours_per_week, 0)) * 52 AS annual_hours
         FROM sal GROUP BY employee_id
     ),
     list AS (
       SELECT e.id, e.first_name, e.last_name, e.job_title, e.status, e.email ->> 'address' AS email,
              COALESCE(e.phone ->> 'mobile', e.phone ->> 'landline') AS phone,
              ARRAY(SELECT w.name FROM work_locations w WHERE w.tenant_id = $1 AND w.id = ANY(e.work_location_ids) ORDER BY w.name) AS work_locations,
              CASE WHEN p.employee_id IS NULL THEN NULL WHEN p.salaried THEN 'SALARY' ELSE 'HOURLY' END AS salary_type,
              COALESCE(p.annual, 0) AS annual, COALESCE(p.annual_hours, 0) AS annual_hours,
              COALESCE(p.currency, base.currency) AS currency
         FROM employees e CROSS JOIN base LEFT JOIN pay p ON p.employee_id = e.id
        WHERE e.tenant_id = $1 AND e.deleted_at IS NULL
     )
     SELECT id, first_name, last_name, job_title, status, email, phone, work_locations, salary_type, currency,
            round(annual / ${n}, 2)::text AS salary, round(annual_hours / ${n}, 2)::text AS hours,
            CASE WHEN annual_hours > 0 THEN round(annual / annual_hours, 2)::text END AS average_rate,
            (SELECT round(sum(annual) / ${n}, 2) FROM list WHERE status = 'ACTIVE')::text AS total_salary,
            (SELECT round(sum(annual) / NULLIF(sum(annual_hours), 0), 2) FROM list WHERE status = 'ACTIVE')::text AS total_rate,
            (SELECT currency FROM base) AS base_currency
       FROM list ORDER BY last_name, first_name, id`,
    [tenantId, args.asOf],
  );
  return {
    period: args.period,
    currency: (rows[0]?.base_currency as string | null) ?? null,
    totalSalary: (rows[0]?.total_salary as string | null) ?? '0',
    averageRate: (rows[0]?.total_rate as string | null) ?? null,
    employees: rows.map((row) => ({
      employeeId: row.id as string,
      firstName: row.first_name as string,
      lastName: row.last_name as string,
      jobTitle: row.job_title as string | null,
      email: row.email as string | null,
      phone: row.phone as string | null,
      status: row.status as never,
      workLocations: row.work_locations as string[],
      salaryType: row.salary_type as never,
      salary: row.salary as string,
      hours: row.hours as string,
      averageRate: row.average_rate as string | null,
      currency: row.currency as string | null,
    })),
  };
}
