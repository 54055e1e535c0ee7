/** Saved queries the playground opens as tabs: one per dashboard widget, and the live form of one. */
export const WIDGET_EXAMPLES: ReadonlyArray<{ query: string; variables?: string }> = [
  {
    query: `# Per customer: invoiced, paid and due, with the newest invoices.
query InvoiceListWidget {
  widgets {
    invoiceList(entity: CUSTOMERS, orderBy: INVOICED_DESC, limit: 10, invoicesPerContact: 3) {
      baseCurrency
      contacts { name currency invoiceCount invoiced paid due invoices { number date status total due } }
    }
  }
}`,
  },
  {
    query: `# Totals by status, overdue and aged receivables / payables (30-day buckets).
query InvoiceSummaryWidget {
  widgets {
    invoiceSummary {
      baseCurrency from to
      currencies {
        currency
        receivables { due overdue overdueCount unallocatedCredit byStatus { status count total } aged { label amount } }
        payables { due overdue aged { label amount } }
      }
    }
  }
}`,
  },
  {
    query: `# Net value sold per item and month (the five best sellers).
query SalesGrowthWidget {
  widgets {
    salesGrowth(period: MONTH, metric: NET_VALUE, direction: SOLD, limit: 5) {
      periods series { code name currency total values }
    }
  }
}`,
  },
  {
    query: `# Bank account balances at each month end (pass accountIds for other accounts).
query AccountBalancesWidget {
  widgets {
    accountBalances(period: MONTH) { currency periods { start end } accounts { code name class balances } }
  }
}`,
  },
  {
    query: `# Balances of accounts side by side on one date.
query AccountsComparisonWidget {
  widgets { accountsComparison { date currency accounts { code name class balance } } }
}`,
  },
  {
    query: `# Assets, liabilities and equity at two dates.
query BalanceSheetWidget($from: Date, $to: Date) {
  widgets {
    balanceSheet(from: $from, to: $to) {
      from to currency netAssetsAtFrom netAssetsAtTo
      sections { class totalAtFrom totalAtTo lines { code name atFrom atTo } }
    }
  }
}`,
    variables: '{ "from": "2026-01-01" }',
  },
  {
    query: `# Employees with pay for a month and the average hourly rate.
query EmployeesListWidget {
  widgets {
    employeesList(period: MONTH) {
      currency totalSalary averageRate
      employees { firstName lastName jobTitle status workLocations salaryType salary hours averageRate }
    }
  }
}`,
  },
  {
    query: `# Hours worked and time off per employee and week.
query TimesheetsWidget {
  widgets {
    timesheets(period: WEEK) { periods totalWorked totalTimeOff employees { name worked timeOff totalWorked totalTimeOff } }
  }
}`,
  },
  {
    query: `# A live widget: its result now, then again whenever a change touches what it reads.
subscription LiveInvoiceSummary {
  widgetUpdated(widget: INVOICE_SUMMARY, args: { period: MONTH }) {
    updatedAt causes
    invoiceSummary { currencies { currency receivables { due overdue } payables { due overdue } } }
  }
}`,
  },
];
