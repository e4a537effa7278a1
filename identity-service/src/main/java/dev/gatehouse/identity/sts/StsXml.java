package dev.gatehouse.identity.sts;

import dev.gatehouse.auth.iam.credentials.SessionCredentials;
import java.util.Map;

/**
 * The Query protocol's XML documents for STS (namespace {@code
 * https://sts.amazonaws.com/doc/2011-06-15/}).
 */
final class StsXml {

    static final String NAMESPACE = "https://sts.amazonaws.com/doc/2011-06-15/";

    private StsXml() {}

    /** {@code <ActionResponse><ActionResult>members</ActionResult><ResponseMetadata>}. */
    static String result(String action, String members, String requestId) {
        return "<"
                + action
                + "Response xmlns=\""
                + NAMESPACE
                + "\"><"
                + action
                + "Result>"
                + members
                + "</"
                + action
                + "Result><ResponseMetadata><RequestId>"
                + requestId
                + "</RequestId></ResponseMetadata></"
                + action
                + "Response>";
    }

    static String error(StsException e, String requestId) {
        return "<ErrorResponse xmlns=\""
                + NAMESPACE
                + "\"><Error><Type>"
                + e.type()
                + "</Type><Code>"
                + e.code()
                + "</Code><Message>"
                + escape(e.getMessage())
                + "</Message></Error><RequestId>"
                + requestId
                + "</RequestId></ErrorResponse>";
    }

    static String credentials(SessionCredentials credentials) {
        return element(
                "Credentials",
                element("AccessKeyId", escape(credentials.accessKeyId()))
                        + element("SecretAccessKey", escape(credentials.secretAccessKey()))
                        + element("SessionToken", escape(credentials.sessionToken()))
                        + element("Expiration", credentials.expiration().toString()));
    }

    static String elements(Map<String, String> values) {
        StringBuilder xml = new StringBuilder();
        values.forEach((name, value) -> xml.append(element(name, escape(value))));
        return xml.toString();
    }

    static String element(String name, String content) {
        return "<" + name + ">" + content + "</" + name + ">";
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
