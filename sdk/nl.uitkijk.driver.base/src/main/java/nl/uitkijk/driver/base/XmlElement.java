package nl.uitkijk.driver.base;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * A small, strict, read-only XML tree for camera replies. Parsed with the JDK's StAX reader set so that a DTD is
 * refused outright: no external entity can be resolved and no entity can expand (XXE and "billion laughs" are
 * impossible by construction, not by configuration of a resolver). Depth, element count and text are bounded, so a
 * hostile camera cannot make the platform build a huge tree. Names are matched by local name (cameras disagree on
 * prefixes, and some do not declare theirs).
 */
public record XmlElement(String name, Map<String, String> attributes, String text, List<XmlElement> children) {

    public static final int MAX_DEPTH = 64;
    public static final int MAX_ELEMENTS = 20_000;
    public static final int MAX_TEXT = 256 * 1024;

    private static final XMLInputFactory FACTORY = newFactory();

    private static XMLInputFactory newFactory() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        // Names are matched by local name, so prefixes need not resolve: many cameras send prefixes they never
        // declared (the captured replies of a real camera do), and refusing those would refuse the camera.
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, false);
        return factory;
    }

    /** @throws XmlException with what is wrong, in words for the camera's status */
    public static XmlElement parse(byte[] xml) throws XmlException {
        XMLStreamReader reader = null;
        try {
            reader = FACTORY.createXMLStreamReader(new ByteArrayInputStream(xml));
            int[] elements = { 0 };
            while (reader.hasNext()) {
                int event = reader.next();
                if (event == XMLStreamConstants.DTD) {
                    throw new XmlException("it declares a DTD (refused: entities are not accepted from cameras)");
                }
                if (event == XMLStreamConstants.ENTITY_REFERENCE) {
                    throw new XmlException("it uses an entity reference '" + reader.getLocalName() + "'");
                }
                if (event == XMLStreamConstants.START_ELEMENT) {
                    return element(reader, 1, elements);
                }
            }
            throw new XmlException("it is empty");
        } catch (XMLStreamException e) {
            String message = e.getMessage() == null ? "" : e.getMessage().replaceAll("\\s+", " ");
            throw new XmlException("it is not well-formed XML (" + (message.length() > 160
                    ? message.substring(0, 160) + "…" : message) + ")");
        } finally {
            if (reader != null) {
                try {
                    reader.close();
                } catch (XMLStreamException e) {
                    // nothing held
                }
            }
        }
    }

    private static XmlElement element(XMLStreamReader reader, int depth, int[] elements)
            throws XMLStreamException, XmlException {
        if (depth > MAX_DEPTH) {
            throw new XmlException("it is nested deeper than " + MAX_DEPTH + " levels");
        }
        if (++elements[0] > MAX_ELEMENTS) {
            throw new XmlException("it has more than " + MAX_ELEMENTS + " elements");
        }
        String name = local(reader.getLocalName());
        Map<String, String> attributes = new LinkedHashMap<>();
        for (int i = 0; i < reader.getAttributeCount() && i < 64; i++) {
            attributes.putIfAbsent(local(reader.getAttributeLocalName(i)), reader.getAttributeValue(i));
        }
        StringBuilder text = new StringBuilder();
        List<XmlElement> children = new ArrayList<>();
        while (reader.hasNext()) {
            int event = reader.next();
            switch (event) {
                case XMLStreamConstants.START_ELEMENT -> children.add(element(reader, depth + 1, elements));
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                    if (text.length() + reader.getTextLength() > MAX_TEXT) {
                        throw new XmlException("it has a text longer than " + MAX_TEXT + " characters");
                    }
                    text.append(reader.getText());
                }
                case XMLStreamConstants.ENTITY_REFERENCE ->
                    throw new XmlException("it uses an entity reference '" + reader.getLocalName() + "'");
                case XMLStreamConstants.DTD ->
                    throw new XmlException("it declares a DTD (refused: entities are not accepted from cameras)");
                case XMLStreamConstants.END_ELEMENT -> {
                    return new XmlElement(name, Map.copyOf(attributes), text.toString().strip(), List.copyOf(children));
                }
                default -> {
                    // comments and processing instructions carry nothing for us
                }
            }
        }
        throw new XmlException("it ends inside <" + name + ">");
    }

    public String attribute(String localName) {
        return attributes.getOrDefault(localName, "");
    }

    private static String local(String qualified) {
        int colon = qualified.indexOf(':');
        return colon < 0 ? qualified : qualified.substring(colon + 1);
    }

    /** The first child with this local name. */
    public Optional<XmlElement> child(String localName) {
        return children.stream().filter(c -> c.name.equals(localName)).findFirst();
    }

    /** The children with this local name. */
    public List<XmlElement> all(String localName) {
        return children.stream().filter(c -> c.name.equals(localName)).toList();
    }

    /** The first element at this path of local names below this one. */
    public Optional<XmlElement> at(String... path) {
        Optional<XmlElement> current = Optional.of(this);
        for (String step : path) {
            current = current.flatMap(e -> e.child(step));
        }
        return current;
    }

    /** The text at this path, or empty. */
    public String textAt(String... path) {
        return at(path).map(XmlElement::text).orElse("");
    }

    /** Every element below (depth first) with this local name. */
    public Stream<XmlElement> find(String localName) {
        return children.stream().flatMap(c -> Stream.concat(c.name.equals(localName) ? Stream.of(c) : Stream.empty(),
                c.find(localName)));
    }

    /** A reply that cannot be used, with the reason. */
    public static final class XmlException extends Exception {
        private static final long serialVersionUID = 1L;

        public XmlException(String message) {
            super(message);
        }
    }
}
