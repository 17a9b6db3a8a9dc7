package org.entente.label.standard;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * A machine-readable confidentiality label in the syntax of ADatP-4774 (STANAG 4774), the one Entente writes on every
 * export: an {@code originatorConfidentialityLabel} with the deployment's policy and classification
 * ({@link LabelPolicy}), a PERMISSIVE category "Releasable To" naming the organizations the export is released to,
 * and an INFORMATIVE category "Entente Releasability" with the releasability code behind the visible marking
 * (PRIVATE, REL_TO, PARTICIPANTS, ALL_PARTNERS). See package-info for what of the standard is implemented.
 *
 * @param releasability the most restrictive releasability of the export's content, as its visible marking says it
 * @param releasableTo  the organizations' names, in the order given (callers sort them); never empty: a label that
 *                      names nobody would, under 4774.1's dominant-label rules, restrict nothing
 */
public record ConfidentialityLabel(String policyIdentifier, String policyUri, String classification,
                                   String releasability, List<String> releasableTo, Instant created, Instant review) {

    public static final String NAMESPACE = "urn:nato:stanag:4774:confidentialitymetadatalabel:1:0";
    /** ADatP-4774 App. 2 names NATO's release category "Releasable To"; Entente's policy uses the same tag name. */
    public static final String RELEASABLE_TO = "Releasable To";
    public static final String RELEASABILITY = "Entente Releasability";

    private static final DateTimeFormatter TIME = DateTimeFormatter.ISO_INSTANT;

    public ConfidentialityLabel {
        Objects.requireNonNull(policyIdentifier, "policyIdentifier");
        Objects.requireNonNull(classification, "classification");
        Objects.requireNonNull(releasability, "releasability");
        releasableTo = List.copyOf(releasableTo);
        if (releasableTo.isEmpty()) {
            throw new IllegalArgumentException("A confidentiality label names at least one organization");
        }
        created = created.truncatedTo(ChronoUnit.SECONDS);
        review = review.truncatedTo(ChronoUnit.SECONDS);
    }

    /** The label an export made at {@code created} under {@code policy} carries. */
    public static ConfidentialityLabel of(LabelPolicy policy, String releasability, List<String> releasableTo,
                                          Instant created) {
        Instant review = created.atOffset(ZoneOffset.UTC).plus(policy.reviewAfter()).toInstant();
        return new ConfidentialityLabel(policy.policyIdentifier(), policy.policyUri(), policy.classification(),
                releasability, releasableTo, created, review);
    }

    /** The label as an XML document of its own (UTF-8). */
    public byte[] toXml() {
        Document document = Xml.newDocument();
        document.appendChild(element(document));
        return Xml.write(document);
    }

    /** The {@code slab:originatorConfidentialityLabel} element, made in {@code document} (not yet attached). */
    Element element(Document document) {
        Element label = document.createElementNS(NAMESPACE, "slab:originatorConfidentialityLabel");
        label.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "xmlns:slab", NAMESPACE);
        label.setAttribute("ReviewDateTime", TIME.format(review));
        Element information = child(label, "ConfidentialityInformation", null);
        Element policy = child(information, "PolicyIdentifier", policyIdentifier);
        if (policyUri != null) {
            policy.setAttribute("URI", policyUri);
        }
        child(information, "Classification", classification);
        Element release = child(information, "Category", null);
        release.setAttribute("TagName", RELEASABLE_TO);
        release.setAttribute("Type", "PERMISSIVE");
        releasableTo.forEach(name -> child(release, "GenericValue", name));
        Element code = child(information, "Category", null);
        code.setAttribute("TagName", RELEASABILITY);
        code.setAttribute("Type", "INFORMATIVE");
        child(code, "GenericValue", releasability);
        child(label, "CreationDateTime", TIME.format(created));
        return label;
    }

    private static Element child(Element parent, String name, String text) {
        Element child = parent.getOwnerDocument().createElementNS(NAMESPACE, "slab:" + name);
        if (text != null) {
            child.setTextContent(text);
        }
        parent.appendChild(child);
        return child;
    }

    /** Reads a label back from XML holding one {@code originatorConfidentialityLabel} (at any depth). */
    public static ConfidentialityLabel read(byte[] xml) {
        return read(Xml.parse(new ByteArrayInputStream(xml)).getDocumentElement());
    }

    /** Reads the first {@code originatorConfidentialityLabel} at or below {@code root}. */
    static ConfidentialityLabel read(Element root) {
        Element label = NAMESPACE.equals(root.getNamespaceURI())
                && "originatorConfidentialityLabel".equals(root.getLocalName()) ? root
                : first(root, "originatorConfidentialityLabel");
        if (label == null) {
            throw new IllegalArgumentException("No originatorConfidentialityLabel in the XML");
        }
        Element information = first(label, "ConfidentialityInformation");
        Element policy = first(information, "PolicyIdentifier");
        String releasability = null;
        List<String> releasableTo = new ArrayList<>();
        NodeList categories = information.getElementsByTagNameNS(NAMESPACE, "Category");
        for (int i = 0; i < categories.getLength(); i++) {
            Element category = (Element) categories.item(i);
            List<String> values = new ArrayList<>();
            NodeList generic = category.getElementsByTagNameNS(NAMESPACE, "GenericValue");
            for (int j = 0; j < generic.getLength(); j++) {
                values.add(generic.item(j).getTextContent());
            }
            if (RELEASABLE_TO.equals(category.getAttribute("TagName"))) {
                releasableTo.addAll(values);
            } else if (RELEASABILITY.equals(category.getAttribute("TagName")) && !values.isEmpty()) {
                releasability = values.getFirst();
            }
        }
        String uri = policy.getAttribute("URI");
        return new ConfidentialityLabel(policy.getTextContent(), uri.isEmpty() ? null : uri,
                first(information, "Classification").getTextContent(), releasability == null ? "" : releasability,
                releasableTo, Instant.parse(first(label, "CreationDateTime").getTextContent()),
                Instant.parse(label.getAttribute("ReviewDateTime")));
    }

    private static Element first(Element parent, String localName) {
        NodeList found = parent.getElementsByTagNameNS(NAMESPACE, localName);
        return found.getLength() == 0 ? null : (Element) found.item(0);
    }

    /** Namespace-aware, DOCTYPE-free XML reading and writing, shared by the label and its bindings. */
    static final class Xml {

        private Xml() {
        }

        static Document newDocument() {
            try {
                return builder().newDocument();
            } catch (ParserConfigurationException e) {
                throw new IllegalStateException(e);
            }
        }

        /** Parses untrusted XML: no DOCTYPE, so no external entities and no entity expansion. */
        static Document parse(InputStream xml) {
            try {
                return builder().parse(xml);
            } catch (ParserConfigurationException | SAXException e) {
                throw new IllegalArgumentException("Not a readable label: " + e.getMessage(), e);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        private static DocumentBuilder builder() throws ParserConfigurationException {
            // The JDK's own parser, whatever else is on the class path: it knows the features set here.
            DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            return factory.newDocumentBuilder();
        }

        static byte[] write(Node node) {
            try {
                // The JDK's identity transformer, serializing a DOM built here (nothing external is read).
                Transformer transformer = TransformerFactory.newDefaultInstance().newTransformer();
                transformer.setOutputProperty(OutputKeys.ENCODING, StandardCharsets.UTF_8.name());
                transformer.setOutputProperty(OutputKeys.STANDALONE, "yes");
                transformer.setOutputProperty(OutputKeys.INDENT, "yes");
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                transformer.transform(new DOMSource(node), new StreamResult(out));
                return out.toByteArray();
            } catch (TransformerException e) {
                throw new IllegalStateException("The label could not be written", e);
            }
        }
    }
}
