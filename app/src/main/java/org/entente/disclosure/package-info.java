/**
 * Publication consent (issue 16): an organization's tenant administrators decide to which organizations' coordinators
 * its own aggregate figures are published unsuppressed ({@link org.entente.disclosure.PublicationConsent}), preview what
 * those coordinators will see of it ({@link org.entente.disclosure.PublicationPreview}), and read in its access ledger
 * when the consent was used ({@link org.entente.disclosure.ConsentLedger}). The figures themselves are decided by the
 * analytics engine's disclosure control from the snapshot's copy of the grants; this package keeps the grants, their
 * history and their use in PostgreSQL ({@code V50__publication_consent.sql}).
 */
package org.entente.disclosure;
