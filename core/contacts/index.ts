/** Contacts: the people at a company. Store and /api/contacts routes. */
export { contactRoutes } from './routes.ts';
export {
  createContact, deleteContact, findContactByEmail, getContact, listContacts, requireContact, updateContact,
  type Contact, type ContactInput,
} from './store.ts';
