package dev.gatehouse.identity.hosted.pages;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * A browser without JavaScript over real HTTP: keeps cookies, follows no redirect by itself (tests
 * look at each), and submits a page's form as a browser would (its hidden fields, the fields a test
 * fills in, the clicked button's {@code formaction}).
 */
final class Browser {

    /** One response: status, {@code Location}, and the parsed page. */
    record Page(int status, Optional<String> location, Document html, HttpResponse<String> raw) {

        String text() {
            return html.text();
        }

        /** The value of a field of the page's form, e.g. the CSRF token {@code _csrf}. */
        String field(String name) {
            Element input = html.selectFirst("input[name=" + name + "]");
            return input == null ? null : input.attr("value");
        }
    }

    private final CookieManager cookies = new CookieManager();
    private final HttpClient client =
            HttpClient.newBuilder()
                    .cookieHandler(cookies)
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .build();
    private final URI base;

    Browser(URL base) {
        this.base = URI.create(base.toString());
    }

    Page get(String pathAndQuery) {
        return send(HttpRequest.newBuilder(base.resolve(pathAndQuery)).GET().build());
    }

    /** Posts {@code fields} as a form to {@code pathAndQuery}, exactly as given. */
    Page post(String pathAndQuery, Map<String, String> fields) {
        return send(
                HttpRequest.newBuilder(base.resolve(pathAndQuery))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(encode(fields)))
                        .build());
    }

    /**
     * Clicks {@code buttonId} of the form on {@code page}: the form's inputs with their values,
     * {@code filled} over them, sent to the button's {@code formaction} or the form's action.
     */
    Page submit(Page page, String buttonId, Map<String, String> filled) {
        Element button = page.html().getElementById(buttonId);
        if (button == null) {
            throw new AssertionError("no button #" + buttonId + " on " + page.text());
        }
        Element form = button.closest("form");
        Map<String, String> fields = new LinkedHashMap<>();
        for (Element input : form.select("input")) {
            fields.put(input.attr("name"), input.attr("value"));
        }
        fields.putAll(filled);
        String action =
                button.hasAttr("formaction") ? button.attr("formaction") : form.attr("action");
        return post(action, fields);
    }

    /** {@code GET} the redirect's {@code Location} (a path of this server). */
    Page follow(Page redirect) {
        return get(redirect.location().orElseThrow(() -> new AssertionError("not a redirect")));
    }

    Optional<String> cookie(String name) {
        return cookies.getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals(name))
                .map(HttpCookie::getValue)
                .filter(v -> !v.isEmpty())
                .findFirst();
    }

    private Page send(HttpRequest request) {
        try {
            HttpResponse<String> response =
                    client.send(
                            request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Page(
                    response.statusCode(),
                    response.headers().firstValue("Location"),
                    Jsoup.parse(response.body()),
                    response);
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    static String encode(Map<String, String> fields) {
        StringJoiner body = new StringJoiner("&");
        fields.forEach(
                (name, value) ->
                        body.add(
                                URLEncoder.encode(name, StandardCharsets.UTF_8)
                                        + "="
                                        + URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return body.toString();
    }
}
