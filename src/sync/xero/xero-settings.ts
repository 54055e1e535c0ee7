import type { Config } from '../../config.js';
import type { XeroScopeSet } from './xero-scopes.js';

/** Where Xero is and who we are to it: real Xero from config, or the emulator in demo mode and tests. */
export interface XeroSettings {
  clientId: string;
  clientSecret: string;
  /** Root of the API hosts: `${apiUrl}/api.xro/2.0`, `${apiUrl}/payroll.xro/1.0`, `${apiUrl}/connections`. */
  apiUrl: string;
  /** Root of the identity server: `${identityUrl}/connect/token`. */
  identityUrl: string;
  /** Root of the consent pages: `${loginUrl}/connect/authorize`. */
  loginUrl: string;
  webhookKey?: string;
  redirectUri?: string;
  /** Which accounting scopes the consent link asks for (`XERO_SCOPE_SET`); default granular. */
  scopeSet?: XeroScopeSet;
}

/** The settings for real Xero, when a Xero app is configured. */
export function xeroSettingsFromConfig(config: Config): XeroSettings | undefined {
  if (!config.XERO_CLIENT_ID || !config.XERO_CLIENT_SECRET) return undefined;
  return {
    clientId: config.XERO_CLIENT_ID,
    clientSecret: config.XERO_CLIENT_SECRET,
    apiUrl: config.XERO_API_URL,
    identityUrl: config.XERO_IDENTITY_URL,
    loginUrl: config.XERO_LOGIN_URL,
    webhookKey: config.XERO_WEBHOOK_KEY,
    redirectUri: config.XERO_REDIRECT_URI,
    scopeSet: config.XERO_SCOPE_SET,
  };
}
