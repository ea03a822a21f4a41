package com.unsubscribesync.localorg;

import com.sforce.soap.metadata.MetadataConnection;
import com.sforce.soap.partner.PartnerConnection;
import com.sforce.ws.bind.TypeInfo;
import com.sforce.ws.bind.TypeMapper;
import com.sforce.ws.bind.XMLizable;
import com.sforce.ws.parser.XmlOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import javax.xml.XMLConstants;
import javax.xml.namespace.QName;
import javax.xml.validation.Schema;

/**
 * The XML Schemas of the SOAP APIs exactly as the app's client speaks them, rebuilt from the classes force-wsc
 * generated from Salesforce's WSDLs (the jars ship the classes, not the WSDLs): partner 65.0 and metadata 62.0, the
 * versions on the classpath. Each class gives a complex type whose elements, in order, with their types and
 * occurrences, are those the class writes; an enum gives its allowed values; a subclass extends its parent, so
 * {@code xsi:type} is checked as the WSDL would check it. What a class does not carry is left lenient: every element
 * is nillable, and simple types without a class (an ID, a query locator) are strings.
 */
final class ClientSchemas {
    private static final String XSD = XMLConstants.W3C_XML_SCHEMA_NS_URI;
    private static final String PARTNER = "urn:partner.soap.sforce.com";
    private static final String SOBJECT = "urn:sobject.partner.soap.sforce.com";
    private static final String FAULT = "urn:fault.partner.soap.sforce.com";
    private static final String METADATA = "http://soap.sforce.com/2006/04/metadata";

    /** One generated type: the class, its namespace, and the elements it writes itself. */
    private record Type(Class<?> type, String namespace, List<TypeInfo> own) {}

    private final Map<String, String> packages;
    private final Map<Class<?>, Type> types = new LinkedHashMap<>();
    private final Map<String, Map<String, String>> referencedNames = new TreeMap<>();
    private final Map<String, Set<String>> declared = new TreeMap<>();

    private ClientSchemas(Map<String, String> packages) {
        this.packages = packages;
    }

    static Schema partner() throws Exception {
        Map<String, String> packages = new LinkedHashMap<>();
        packages.put(PARTNER, "com.sforce.soap.partner");
        packages.put(SOBJECT, "com.sforce.soap.partner.sobject");
        packages.put(FAULT, "com.sforce.soap.partner.fault");
        return new ClientSchemas(packages).build(PartnerConnection.class);
    }

    static Schema metadata() throws Exception {
        return new ClientSchemas(Map.of(METADATA, "com.sforce.soap.metadata")).build(MetadataConnection.class);
    }

    private Schema build(Class<?> inJar) throws Exception {
        List<Class<?>> classes = classes(inJar);
        for (Class<?> type : classes) {
            if (XMLizable.class.isAssignableFrom(type) && !type.isInterface() && !isSObject(type)) {
                record(type);
            }
        }
        Map<String, StringBuilder> documents = new LinkedHashMap<>();
        packages.keySet().forEach(namespace -> documents.put(namespace, new StringBuilder()));
        for (Type type : types.values()) {
            documents.get(type.namespace()).append(complexType(type));
            if (type.type().getSimpleName().endsWith("_element")
                    || type.namespace().equals(FAULT)) {
                documents.get(type.namespace()).append(elements(type));
            }
        }
        for (Class<?> type : classes) {
            if (type.isEnum()) {
                String namespace = namespaceOf(type);
                documents.get(namespace).append(enumeration(type, declare(namespace, type.getSimpleName())));
            }
        }
        if (packages.containsKey(SOBJECT)) {
            documents.get(SOBJECT).append(sObject(declare(SOBJECT, "sObject")));
        }
        if (packages.containsKey(FAULT)) {
            documents.get(FAULT).append("<xsd:element name=\"fault\" type=\"t:ApiFault\"/>");
        }
        referencedNames.forEach((namespace, names) -> names.values().forEach(name -> {
            if (documents.containsKey(namespace)
                    && !declared.getOrDefault(namespace, Set.of()).contains(name)) {
                documents
                        .get(namespace)
                        .append("<xsd:simpleType name=\"")
                        .append(name)
                        .append("\"><xsd:restriction base=\"xsd:string\"/></xsd:simpleType>");
            }
        }));
        Map<String, String> texts = new LinkedHashMap<>();
        documents.forEach((namespace, body) -> texts.put(namespace, schema(namespace, body)));
        return WsdlSchemas.compile(texts);
    }

    /** The elements the class writes, its parent's first, recorded by letting it write itself. */
    private void record(Class<?> type) throws Exception {
        if (types.containsKey(type) || Modifier.isAbstract(type.getModifiers())) {
            return;
        }
        List<TypeInfo> written = written(type);
        Class<?> parent = type.getSuperclass();
        List<TypeInfo> own = written.subList(written.size() - ownFields(type), written.size());
        String namespace = namespaceOf(type);
        types.put(type, new Type(type, namespace, List.copyOf(own)));
        written.forEach(info -> referencedNames
                .computeIfAbsent(info.getTypeNS(), ns -> new TreeMap<>())
                .putIfAbsent(info.getType().toLowerCase(), info.getType()));
        int inherited = written.size() - own.size();
        while (generated(parent) && !types.containsKey(parent)) {
            int parentOwn = ownFields(parent);
            List<TypeInfo> parentFields = written.subList(inherited - parentOwn, inherited);
            types.put(parent, new Type(parent, namespaceOf(parent), List.copyOf(parentFields)));
            inherited -= parentOwn;
            parent = parent.getSuperclass();
        }
    }

    private static List<TypeInfo> written(Class<?> type) throws Exception {
        List<TypeInfo> fields = new ArrayList<>();
        // Generated classes write every element, of whatever type, through writeObject.
        TypeMapper recorder = new TypeMapper() {
            @Override
            public void writeObject(XmlOutputStream out, TypeInfo info, Object value, boolean isSet) {
                fields.add(info);
            }
        };
        XmlOutputStream out = new XmlOutputStream(new ByteArrayOutputStream(), false);
        out.startDocument();
        ((XMLizable) type.getDeclaredConstructor().newInstance()).write(new QName("urn:x", "x"), out, recorder);
        return fields;
    }

    /** Generated classes keep a {@code <field>__is_set} flag beside each element they declare. */
    private static int ownFields(Class<?> type) {
        int count = 0;
        for (Field field : type.getDeclaredFields()) {
            if (field.getName().endsWith("__is_set")) {
                count++;
            }
        }
        return count;
    }

    private boolean generated(Class<?> type) {
        return type != null
                && type.getPackage() != null
                && packages.containsValue(type.getPackageName())
                && XMLizable.class.isAssignableFrom(type);
    }

    private String complexType(Type type) {
        StringBuilder text = new StringBuilder("<xsd:complexType name=\"")
                .append(declare(type.namespace(), type.type().getSimpleName()))
                .append("\">");
        Class<?> parent = type.type().getSuperclass();
        boolean extension = generated(parent);
        if (extension) {
            text.append("<xsd:complexContent><xsd:extension base=\"")
                    .append(prefixed(namespaceOf(parent), nameOf(namespaceOf(parent), parent.getSimpleName())))
                    .append("\">");
        }
        text.append("<xsd:sequence>");
        for (TypeInfo info : type.own()) {
            text.append("<xsd:element name=\"")
                    .append(info.getName())
                    .append("\" type=\"")
                    .append(prefixed(info.getTypeNS(), info.getType()))
                    .append("\" nillable=\"true\" minOccurs=\"")
                    .append(info.getMinOcc())
                    .append("\" maxOccurs=\"")
                    .append(info.getMaxOcc() < 0 ? "unbounded" : String.valueOf(info.getMaxOcc()))
                    .append("\"/>");
        }
        text.append("</xsd:sequence>");
        if (extension) {
            text.append("</xsd:extension></xsd:complexContent>");
        }
        return text.append("</xsd:complexType>").toString();
    }

    /** An operation's wrapper (e.g. {@code queryResponse}) or a fault's detail element, named as the WSDL names it. */
    private String elements(Type type) {
        String typeName = nameOf(type.namespace(), type.type().getSimpleName());
        String base = typeName.replace("_element", "");
        String lower = Character.toLowerCase(base.charAt(0)) + base.substring(1);
        StringBuilder text = new StringBuilder();
        for (String name : lower.equals(base) ? List.of(base) : List.of(base, lower)) {
            text.append("<xsd:element name=\"")
                    .append(name)
                    .append("\" type=\"t:")
                    .append(typeName)
                    .append("\"/>");
        }
        return text.toString();
    }

    private static String enumeration(Class<?> type, String name) throws ReflectiveOperationException {
        @SuppressWarnings("unchecked")
        Map<String, String> values =
                (Map<String, String>) type.getField("valuesToEnums").get(null);
        StringBuilder text = new StringBuilder("<xsd:simpleType name=\"")
                .append(name)
                .append("\"><xsd:restriction base=\"xsd:string\">");
        values.keySet()
                .forEach(value ->
                        text.append("<xsd:enumeration value=\"").append(value).append("\"/>"));
        return text.append("</xsd:restriction></xsd:simpleType>").toString();
    }

    /** A record: its type, the fields to clear, its id, then any field of the object (the client reads them all). */
    private static String sObject(String name) {
        return "<xsd:complexType name=\"" + name + "\"><xsd:sequence>"
                + "<xsd:element name=\"type\" type=\"xsd:string\"/>"
                + "<xsd:element name=\"fieldsToNull\" type=\"xsd:string\" nillable=\"true\" minOccurs=\"0\" "
                + "maxOccurs=\"unbounded\"/>"
                + "<xsd:element name=\"Id\" type=\"xsd:string\" nillable=\"true\"/>"
                + "<xsd:any namespace=\"##targetNamespace\" minOccurs=\"0\" maxOccurs=\"unbounded\" "
                + "processContents=\"lax\"/></xsd:sequence></xsd:complexType>";
    }

    /** Every document binds every namespace of the API to the same prefix, {@code p} and its index. */
    private String schema(String namespace, StringBuilder body) {
        StringBuilder text = new StringBuilder("<xsd:schema xmlns:xsd=\"")
                .append(XSD)
                .append("\" elementFormDefault=\"qualified\" targetNamespace=\"")
                .append(namespace)
                .append("\" xmlns:t=\"")
                .append(namespace)
                .append("\"");
        List<String> all = new ArrayList<>(packages.keySet());
        for (int i = 0; i < all.size(); i++) {
            text.append(" xmlns:p").append(i).append("=\"").append(all.get(i)).append("\"");
        }
        text.append(">");
        all.stream()
                .filter(other -> !other.equals(namespace))
                .forEach(other ->
                        text.append("<xsd:import namespace=\"").append(other).append("\"/>"));
        return text.append(body).append("</xsd:schema>").toString();
    }

    private String prefixed(String namespace, String name) {
        return XSD.equals(namespace)
                ? "xsd:" + name
                : "p" + new ArrayList<>(packages.keySet()).indexOf(namespace) + ":" + name;
    }

    /** The type's name, noted as declared in its namespace. */
    private String declare(String namespace, String simpleName) {
        String name = nameOf(namespace, simpleName);
        declared.computeIfAbsent(namespace, ns -> new TreeSet<>()).add(name);
        return name;
    }

    /** A class's type name as the client's elements refer to it (they may spell it with a small first letter). */
    private String nameOf(String namespace, String simpleName) {
        return referencedNames
                .getOrDefault(namespace, Collections.emptyMap())
                .getOrDefault(simpleName.toLowerCase(), simpleName);
    }

    private String namespaceOf(Class<?> type) {
        return packages.entrySet().stream()
                .filter(e -> e.getValue().equals(type.getPackageName()))
                .map(Map.Entry::getKey)
                .findFirst()
                .orElseThrow();
    }

    private static boolean isSObject(Class<?> type) {
        return type.getName().equals("com.sforce.soap.partner.sobject.SObject");
    }

    /** The classes of the packages, read from the jar that holds {@code inJar}. */
    private List<Class<?>> classes(Class<?> inJar) throws IOException, URISyntaxException, ClassNotFoundException {
        List<Class<?>> classes = new ArrayList<>();
        try (JarFile jar = new JarFile(new File(
                inJar.getProtectionDomain().getCodeSource().getLocation().toURI()))) {
            for (String name : jar.stream().map(ZipEntry::getName).sorted().toList()) {
                if (!name.endsWith(".class") || name.contains("$")) {
                    continue;
                }
                String className =
                        name.substring(0, name.length() - ".class".length()).replace('/', '.');
                String packageName = className.substring(0, className.lastIndexOf('.'));
                if (packages.containsValue(packageName)) {
                    classes.add(Class.forName(className));
                }
            }
        }
        return classes;
    }
}
