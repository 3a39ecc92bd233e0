import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../core/config/index.ts';
import { isFreeMailDomain } from '../../core/companies/free-mail.ts';
import { normalizeCvr, normalizeDomain } from '../../core/companies/normalize.ts';
import { contentRisks } from '../../core/content/risks.ts';
import { DEMO_ARTICLES, DEMO_BUSINESS, DEMO_COMPANIES, DEMO_CONVERSATIONS, DEMO_STAFF, demoOrigins, removedLine, seededLines } from './index.ts';

describe('the demo content', () => {
  it('has 20 articles, public and internal, mostly Danish with a few in English', () => {
    expect(DEMO_ARTICLES).toHaveLength(20);
    expect(DEMO_ARTICLES.filter((a) => a.visibility === 'public')).toHaveLength(15);
    expect(DEMO_ARTICLES.filter((a) => a.visibility === 'internal')).toHaveLength(5);
    expect(DEMO_ARTICLES.filter((a) => a.lang === 'en')).toHaveLength(3);
    expect(new Set(DEMO_ARTICLES.map((a) => a.title)).size).toBe(20);
    expect(DEMO_ARTICLES.map((a) => a.body).join('\n')).toContain('fra kr. 450 pr. meter inkl. moms');
  });

  it('holds no payment details and no links, so the knowledge base flags nothing, whatever the own domain', () => {
    for (const article of DEMO_ARTICLES) {
      expect(contentRisks(`${article.title}\n${article.body}`, { ownDomains: [] }), article.title).toEqual([]);
    }
  });

  it('has 30 customers with valid, unique CVR numbers and domains, 1–3 contacts each at their own domain', () => {
    expect(DEMO_COMPANIES).toHaveLength(30);
    const businesses = DEMO_COMPANIES.filter((c) => c.kind === 'business');
    expect(DEMO_COMPANIES.filter((c) => c.kind === 'private')).toHaveLength(4);
    for (const company of businesses) {
      expect(normalizeCvr(company.cvr!), company.name).toBe(company.cvr);
      expect(normalizeDomain(company.domain!)).toBe(company.domain);
      expect(company.domain!.endsWith('.dk')).toBe(true);
    }
    const cvrs = [DEMO_BUSINESS.cvr, ...businesses.map((c) => c.cvr)];
    expect(new Set(cvrs).size).toBe(cvrs.length);
    expect(normalizeCvr(DEMO_BUSINESS.cvr)).toBe(DEMO_BUSINESS.cvr);
    const domains = [DEMO_BUSINESS.domain, ...businesses.map((c) => c.domain)];
    expect(new Set(domains).size).toBe(domains.length);
    expect(new Set(DEMO_COMPANIES.map((c) => c.stage))).toEqual(new Set(['lead', 'qualified', 'proposal', 'negotiation', 'customer', 'lost']));

    for (const company of DEMO_COMPANIES) {
      expect(company.contacts.length, company.name).toBeGreaterThanOrEqual(1);
      expect(company.contacts.length, company.name).toBeLessThanOrEqual(3);
      expect(company.score).toBeGreaterThanOrEqual(0);
      expect(company.score).toBeLessThanOrEqual(100);
      for (const contact of company.contacts) {
        expect(contact.phone).toMatch(/^\+45 \d{2} \d{2} \d{2} \d{2}$/);
        const domain = contact.email.split('@')[1]!;
        if (company.kind === 'business') expect(domain).toBe(company.domain);
        else expect(isFreeMailDomain(domain), contact.email).toBe(true);
      }
      expect(new Set(company.contacts.map((c) => c.email)).size).toBe(company.contacts.length);
    }
    const notes = DEMO_COMPANIES.flatMap((c) => c.notes ?? []);
    expect(notes).toHaveLength(22);
    expect(notes.every((n) => (Object.values(DEMO_STAFF) as string[]).includes(n.by) && n.daysAgo > 0)).toBe(true);
    expect(DEMO_COMPANIES.reduce((n, c) => n + c.contacts.length, 0)).toBe(43);
  });

  it('plays 8 website chats, one with a lead from a demo customer, one answered by staff', () => {
    expect(DEMO_CONVERSATIONS).toHaveLength(8);
    const leads = DEMO_CONVERSATIONS.flatMap((c) => c.steps).flatMap((s) => ('lead' in s ? [s.lead] : []));
    expect(leads).toHaveLength(1);
    expect(DEMO_COMPANIES.some((c) => c.domain === leads[0]!.email.split('@')[1])).toBe(true);
    expect(DEMO_CONVERSATIONS.filter((c) => c.steps.some((s) => 'staffReply' in s))).toHaveLength(1);
  });

  it('allows the chat on the CRM\'s own origins: loopback, a named HOST, PUBLIC_URL', () => {
    expect(demoOrigins(loadConfig({}))).toEqual(['http://127.0.0.1:8787', 'http://localhost:8787']);
    expect(demoOrigins(loadConfig({ HOST: '0.0.0.0', PORT: '9000' }))).toEqual(['http://127.0.0.1:9000', 'http://localhost:9000']);
    expect(demoOrigins(loadConfig({ HOST: '192.168.1.20', PUBLIC_URL: 'https://crm.storaa-tag.dk/' }))).toEqual([
      'http://127.0.0.1:8787', 'http://localhost:8787', 'http://192.168.1.20:8787', 'https://crm.storaa-tag.dk',
    ]);
  });

  it('says in a few lines what was made and how to remove it', () => {
    const lines = seededLines({ business: DEMO_BUSINESS.name, articles: 20, companies: 30, contacts: 43, notes: 22, documents: 4, emails: 6, chat: true, conversations: 8, waiting: 4 });
    expect(lines).toEqual([
      'Demo workspace: Storå Tag & Tømrer ApS with 20 knowledge articles, 30 customers, 43 contacts, 4 documents, 6 emails, 8 website chats (4 waiting for a person).',
      'Remove it with "crm demo --remove" (server stopped); DEMO=false starts a new data folder empty.',
    ]);
    expect(seededLines({ business: 'X', articles: 20, companies: 30, contacts: 43, notes: 22, documents: 0, emails: 0, chat: false, conversations: 0, waiting: 0 })[0]).toContain('the chat plugin is not enabled');
    expect(removedLine({ companies: 30, visitors: 8, articles: 20, documents: 1, site: true })).toBe(
      'Removed the demo workspace: 30 customers and 8 chat visitors with all their data, 20 knowledge articles and the demo website.',
    );
  });
});
