/**
 * Confidentiality labels on everything Entente exports: ONE place that builds the label (ADatP-4774 / STANAG 4774
 * syntax) and binds it to the file (ADatP-4778 / STANAG 4778), used by the briefing writer of this module and by the
 * app's exports (results workbook, contributions CSV). Outside {@code org.entente.analytics} on purpose: the app's
 * features that the analytics screen depends on (contributions) use it too, and must not depend on the analytics
 * slice (ArchitectureTest); it follows the engine's rules all the same (no Spring, no UI, no app code). Written from public descriptions of the standards, not from
 * the NSO originals (which were not reachable), and checked by tests that read the label back, not by the official
 * schemas (not bundled).
 *
 * <p>Implemented:
 * <ul>
 * <li>4774 label: namespace {@code urn:nato:stanag:4774:confidentialitymetadatalabel:1:0}, root
 * {@code originatorConfidentialityLabel} with {@code ReviewDateTime} (the prose requires it without
 * SuccessionHandling), {@code ConfidentialityInformation} with {@code PolicyIdentifier} (optional {@code URI},
 * urn:oid only), {@code Classification} (no URI, as the prose says), categories with {@code TagName} and
 * {@code Type} (upper case) and {@code GenericValue} values only, and {@code CreationDateTime}.</li>
 * <li>Categories: "Releasable To", PERMISSIVE, the organizations' names (the tag name NATO's policy uses, ADatP-4774
 * App. 2); "Entente Releasability", INFORMATIVE, the releasability code behind the visible marking.</li>
 * <li>4778 binding: {@code urn:nato:stanag:4778:bindinginformation:1:0}, BindingInformation →
 * MetadataBindingContainer → MetadataBinding → Metadata (one label) + DataReference elements. Unsigned (the
 * signature is optional in ADatP-4778 and in the OOXML profile outside "cryptographic binding" use cases).</li>
 * <li>OOXML profile (ADatP-4778.2 ch. 5, {@code urn:nato:stanag:4778:profile:ooxml:1:2}): one custom XML part with
 * BindingInformation as root, {@code pack:///} references from the package root, no {@code Data} elements,
 * {@code xmime:contentType} on references to non-XML parts; the ECMA-376 plumbing (customXml relationship from the
 * workbook part, item properties part with {@code ds:datastoreItem} and the binding namespace as schemaRef).</li>
 * <li>Sidecar (CSV): a detached binding with a DataReference to the file by name and, in Entente's namespace where
 * the schema admits other elements, the file's SHA-256.</li>
 * </ul>
 *
 * <p>Not implemented, or not confirmed:
 * <ul>
 * <li>The list of SpreadsheetML parts of ADatP-4778.2 Table 5-2 could not be read (only the Word list was found in
 * public secondary sources): every part of the package is referenced instead, which the profile allows ("additional
 * parts MAY be referenced").</li>
 * <li>Whether the profile wants the customXml relationship from the workbook part (ECMA-376 §15.2.5, what Office
 * writes and what is done here) or from the package root: the profile names no relationship; not confirmed.</li>
 * <li>No XML signature, no {@code ds:Manifest} digests, no XML normalization (its XSLT is only in the NMRR), no SPIF:
 * the policy identifier and classification are configured names and are not validated against a policy file.</li>
 * <li>No {@code OriginatorID}, no alternative labels, no portion (cell or sheet) labels: one label per file, the
 * dominant one of its content (permissive categories intersected, as the ADatP-4774.1 dominant-label rules say).</li>
 * <li>The detached-binding (sidecar) profile of ADatP-4778.2 was not read; the zip + XML pairing is Entente's.</li>
 * </ul>
 */
package org.entente.label.standard;
