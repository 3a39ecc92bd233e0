import type { JSX } from 'preact';

/** The CRM widgets as JSX elements (attributes as strings; objects are set as properties by Preact). */
type Widget = JSX.HTMLAttributes<HTMLElement> & { lang?: string; theme?: string };
declare module 'preact' {
  namespace JSX {
    interface IntrinsicElements {
      'crm-companies': Widget & { selected?: string };
      'crm-company': Widget & { 'company-id'?: string };
      'crm-documents': Widget & { 'company-id'?: string };
      'crm-email-thread': Widget & { 'thread-id'?: string; view?: 'text' | 'html'; 'no-reply'?: boolean };
      'crm-inbox': Widget & { 'conversation-id'?: string; 'email-thread-id'?: string };
      'crm-knowledge': Widget;
      'crm-search': Widget & { query?: string };
    }
  }
}
