package org.peerlab.plugins.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.peerlab.plugins.PluginException;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * What a feature's {@code feature.xml} says: its id and version and the bundles it includes.
 * Included features are not followed.
 *
 * @param id      feature id
 * @param version feature version
 * @param plugins the {@code <plugin>} entries
 */
public record FeatureDescription(String id, String version, List<Plugin> plugins) {

    /** One {@code <plugin id=".." version=".."/>} entry; version {@code 0.0.0} means any. */
    public record Plugin(String id, String version) {
        /** @return whether a bundle of that symbolic name and version satisfies this entry */
        public boolean matches(BundleFile bundle) {
            return id.equals(bundle.symbolicName()) && (version.equals("0.0.0") || version.equals(bundle.version()));
        }
    }

    public FeatureDescription {
        plugins = List.copyOf(plugins);
    }

    /**
     * Parses {@code feature.xml}. DOCTYPEs and external entities are refused.
     *
     * @param shownAs how to name the file in messages
     * @throws PluginException if it is not well-formed or lacks the feature id
     */
    public static FeatureDescription parse(InputStream featureXml, String shownAs) throws PluginException {
        Element root;
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setExpandEntityReferences(false);
            f.setNamespaceAware(false);
            DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(null);
            root = b.parse(featureXml).getDocumentElement();
        } catch (SAXException e) {
            throw new PluginException(shownAs + " is not a valid feature.xml: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new PluginException("cannot read " + shownAs + ": " + e.getMessage(), e);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("this JDK's XML parser lacks secure processing", e);
        }
        String id = root.getAttribute("id");
        if (!root.getTagName().equals("feature") || id.isBlank()) {
            throw new PluginException(shownAs + " is not a feature.xml: no <feature id=\"...\"> element");
        }
        String version = root.getAttribute("version");
        List<Plugin> plugins = new ArrayList<>();
        NodeList nodes = root.getElementsByTagName("plugin");
        for (int i = 0; i < nodes.getLength(); i++) {
            Element p = (Element) nodes.item(i);
            String v = p.getAttribute("version");
            plugins.add(new Plugin(p.getAttribute("id"), v.isBlank() ? "0.0.0" : v));
        }
        return new FeatureDescription(id, version.isBlank() ? "0.0.0" : version, plugins);
    }
}
