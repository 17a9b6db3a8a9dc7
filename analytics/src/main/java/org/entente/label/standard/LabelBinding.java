package org.entente.label.standard;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.xml.XMLConstants;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.opc.PackagePartName;
import org.apache.poi.openxml4j.opc.PackageRelationship;
import org.apache.poi.openxml4j.opc.PackagingURIHelper;
import org.apache.poi.openxml4j.opc.TargetMode;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Binds a {@link ConfidentialityLabel} to what it labels, as ADatP-4778 (STANAG 4778) describes: a binding data object
 * ({@code mb:BindingInformation} → {@code MetadataBindingContainer} → {@code MetadataBinding} → the label in
 * {@code Metadata}, then one {@code DataReference} per data object).
 * <ul>
 * <li>{@link #bind(XSSFWorkbook, ConfidentialityLabel)}: the OOXML profile of ADatP-4778.2 (chapter 5,
 * {@code urn:nato:stanag:4778:profile:ooxml:1:2}): ONE custom XML part ({@code /customXml/itemN.xml}, content type
 * application/xml) whose root is {@code mb:BindingInformation}, with {@code DataReference URI="pack:///..."} to every
 * part of the package (absolute from the package root, empty authority) and no {@code Data} element. The plumbing the
 * profile leaves to ECMA-376: the customXml relationship from the main document part (the workbook), an item
 * properties part ({@code itemPropsN.xml}, {@code ds:datastoreItem} with a fresh itemID and the binding namespace as
 * schemaRef), related from the item by customXmlProps.</li>
 * <li>{@link #sidecar(ConfidentialityLabel, String, String, byte[])}: a detached binding for a file that cannot
 * carry one (CSV): the same structure with one {@code DataReference} to the file by its name.</li>
 * </ul>
 */
public final class LabelBinding {

    public static final String NAMESPACE = "urn:nato:stanag:4778:bindinginformation:1:0";
    static final String XMIME = "http://www.w3.org/2005/05/xmlmime";
    /** Entente's own elements where the binding schema admits other namespaces ({@code ##other}). */
    static final String ENTENTE = "urn:entente:label:1";
    static final String PROFILE = "urn:nato:stanag:4778:profile:ooxml:1:2";
    static final String CUSTOM_XML = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml";
    static final String CUSTOM_XML_PROPS =
            "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXmlProps";
    static final String ITEM_PROPS_TYPE = "application/vnd.openxmlformats-officedocument.customXmlProperties+xml";
    static final String DATASTORE = "http://schemas.openxmlformats.org/officeDocument/2006/customXml";

    private LabelBinding() {
    }

    /**
     * Adds the label's binding to the workbook, referencing every part it has now: call it last, when every sheet,
     * chart and property exists (the document properties are committed here so that their parts exist). Parts written
     * later by a streaming writer (SXSSF sheet data) keep the names referenced here.
     */
    public static void bind(XSSFWorkbook workbook, ConfidentialityLabel label) {
        try {
            workbook.getProperties().commit();
            OPCPackage pkg = workbook.getPackage();
            List<PackagePart> data = new ArrayList<>();
            for (PackagePart part : pkg.getParts()) {
                if (!part.isRelationshipPart()) {
                    data.add(part);
                }
            }
            data.sort(Comparator.comparing(p -> p.getPartName().getName()));
            int n = 1;
            while (pkg.containPart(PackagingURIHelper.createPartName("/customXml/item" + n + ".xml"))) {
                n++;
            }
            PackagePartName itemName = PackagingURIHelper.createPartName("/customXml/item" + n + ".xml");
            PackagePartName propsName = PackagingURIHelper.createPartName("/customXml/itemProps" + n + ".xml");

            Document binding = Xml.binding(label);
            Element mb = (Element) binding.getElementsByTagNameNS(NAMESPACE, "MetadataBinding").item(0);
            List<String> names = new ArrayList<>();
            for (PackagePart part : data) {
                String type = part.getContentType();
                names.add(part.getPartName().getName());
                Element reference = Xml.dataReference(mb, "pack://" + part.getPartName().getName());
                if (!type.endsWith("xml")) {
                    // ADatP-4778.2 Annex A: a reference to non-XML data says its media type.
                    reference.setAttributeNS(XMIME, "xmime:contentType", type);
                }
            }
            // A new package keeps its core properties aside and writes them at /docProps/core.xml when saved:
            // Table 5-3 of the profile asks for them all the same.
            String core = PackagingURIHelper.CORE_PROPERTIES_PART_NAME.getName();
            if (!names.contains(core)) {
                Xml.dataReference(mb, "pack://" + core);
            }
            PackagePart item = pkg.createPart(itemName, "application/xml");
            try (OutputStream out = item.getOutputStream()) {
                out.write(ConfidentialityLabel.Xml.write(binding));
            }
            PackagePart props = pkg.createPart(propsName, ITEM_PROPS_TYPE);
            try (OutputStream out = props.getOutputStream()) {
                out.write(ConfidentialityLabel.Xml.write(Xml.itemProperties()));
            }
            item.addRelationship(propsName, TargetMode.INTERNAL, CUSTOM_XML_PROPS);
            workbook.getPackagePart().addRelationship(itemName, TargetMode.INTERNAL, CUSTOM_XML);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InvalidFormatException e) {
            throw new IllegalStateException("The label could not be bound to the workbook", e);
        }
    }

    /**
     * A detached binding for a file that carries no label itself: the label, a {@code DataReference} to
     * {@code fileName} (relative: the binding lies next to the file, e.g. in the same zip), and, in Entente's own
     * namespace, the file's SHA-256 so a reader can tell that the two still belong together (the binding is not
     * signed: see package-info).
     */
    public static byte[] sidecar(ConfidentialityLabel label, String fileName, String contentType, byte[] content) {
        Document binding = Xml.binding(label);
        Element mb = (Element) binding.getElementsByTagNameNS(NAMESPACE, "MetadataBinding").item(0);
        Element reference = Xml.dataReference(mb, fileName);
        reference.setAttributeNS(XMIME, "xmime:contentType", contentType);
        Element container = (Element) mb.getParentNode();
        Element digest = binding.createElementNS(ENTENTE, "entente:DataDigest");
        digest.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "xmlns:entente", ENTENTE);
        digest.setAttribute("URI", fileName);
        digest.setAttribute("Algorithm", "SHA-256");
        digest.setTextContent(sha256(content));
        container.appendChild(digest);
        return ConfidentialityLabel.Xml.write(binding);
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A label read back with the data objects its binding references. */
    public record Bound(ConfidentialityLabel label, List<String> references) {
    }

    /**
     * The label bound to a workbook (or any OPC package): the custom XML part related from the main document part whose
     * root is {@code mb:BindingInformation} (found by its namespace, not its name: Office renumbers custom XML parts).
     */
    public static Optional<Bound> read(byte[] workbook) {
        try (OPCPackage pkg = OPCPackage.open(new ByteArrayInputStream(workbook))) {
            return find(pkg);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InvalidFormatException e) {
            throw new IllegalArgumentException("Not an OOXML package", e);
        }
    }

    /** The label bound to an open package (a workbook's {@code getPackage()}). */
    public static Optional<Bound> read(OPCPackage pkg) {
        try {
            return find(pkg);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InvalidFormatException e) {
            throw new IllegalArgumentException("Not a readable OOXML package", e);
        }
    }

    private static Optional<Bound> find(OPCPackage pkg) throws IOException, InvalidFormatException {
        for (PackageRelationship office : pkg.getRelationshipsByType(
                "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument")) {
            PackagePart main = pkg.getPart(office);
            for (PackageRelationship custom : main.getRelationshipsByType(CUSTOM_XML)) {
                PackagePart item = main.getRelatedPart(custom);
                try (InputStream in = item.getInputStream()) {
                    Document document = ConfidentialityLabel.Xml.parse(in);
                    if (NAMESPACE.equals(document.getDocumentElement().getNamespaceURI())) {
                        return Optional.of(bound(document.getDocumentElement()));
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** Reads a sidecar binding (or a custom XML part's content) back. */
    public static Bound readSidecar(byte[] binding) {
        return bound(ConfidentialityLabel.Xml.parse(new ByteArrayInputStream(binding)).getDocumentElement());
    }

    private static Bound bound(Element root) {
        List<String> references = new ArrayList<>();
        NodeList found = root.getElementsByTagNameNS(NAMESPACE, "DataReference");
        for (int i = 0; i < found.getLength(); i++) {
            references.add(((Element) found.item(i)).getAttribute("URI"));
        }
        return new Bound(ConfidentialityLabel.read(root), references);
    }

    /** The binding's XML. */
    private static final class Xml {

        private Xml() {
        }

        static Document binding(ConfidentialityLabel label) {
            Document document = ConfidentialityLabel.Xml.newDocument();
            Element root = document.createElementNS(NAMESPACE, "mb:BindingInformation");
            root.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "xmlns:mb", NAMESPACE);
            root.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "xmlns:xmime", XMIME);
            document.appendChild(root);
            Element container = document.createElementNS(NAMESPACE, "mb:MetadataBindingContainer");
            root.appendChild(container);
            Element binding = document.createElementNS(NAMESPACE, "mb:MetadataBinding");
            binding.setAttribute("Id", "entente-document");
            container.appendChild(binding);
            Element metadata = document.createElementNS(NAMESPACE, "mb:Metadata");
            binding.appendChild(metadata);
            metadata.appendChild(label.element(document));
            return document;
        }

        static Element dataReference(Element binding, String uri) {
            Element reference = binding.getOwnerDocument().createElementNS(NAMESPACE, "mb:DataReference");
            reference.setAttribute("URI", uri);
            binding.appendChild(reference);
            return reference;
        }

        static Document itemProperties() {
            Document document = ConfidentialityLabel.Xml.newDocument();
            Element item = document.createElementNS(DATASTORE, "ds:datastoreItem");
            item.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "xmlns:ds", DATASTORE);
            item.setAttributeNS(DATASTORE, "ds:itemID", "{" + UUID.randomUUID().toString().toUpperCase() + "}");
            document.appendChild(item);
            Element refs = document.createElementNS(DATASTORE, "ds:schemaRefs");
            item.appendChild(refs);
            Element ref = document.createElementNS(DATASTORE, "ds:schemaRef");
            ref.setAttributeNS(DATASTORE, "ds:uri", NAMESPACE);
            refs.appendChild(ref);
            return document;
        }
    }
}
