package dev.gatehouse.identity.hosted;

import static io.restassured.RestAssured.given;

import io.restassured.response.Response;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A cookie jar over real HTTP, playing the browser in front of the hosted pages: follows nothing by
 * itself, so each redirect can be looked at.
 */
public class HostedBrowser {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    public final Map<String, String> cookies = new HashMap<>();

    public Response get(String pathAndQuery) {
        Response response =
                given().redirects()
                        .follow(false)
                        .urlEncodingEnabled(false)
                        .cookies(cookies)
                        .get(pathAndQuery);
        remember(response);
        return response;
    }

    public Response post(String pathAndQuery, Map<String, String> form) {
        Response response =
                given().redirects()
                        .follow(false)
                        .urlEncodingEnabled(false)
                        .cookies(cookies)
                        .contentType("application/x-www-form-urlencoded")
                        .body(encode(form))
                        .post(pathAndQuery);
        remember(response);
        return response;
    }

    /** The form's CSRF token on a rendered page. */
    public static String csrf(Response page) {
        Matcher m = CSRF.matcher(page.asString());
        if (!m.find()) {
            throw new AssertionError("no _csrf field on the page:\n" + page.asString());
        }
        return m.group(1);
    }

    /** Signs in on {@code /login?query}: GET the page, POST the form; the POST's response. */
    public Response signIn(String query, String username, String password) {
        Response page = get("/login?" + query);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("_csrf", csrf(page));
        form.put("username", username);
        form.put("password", password);
        return post("/login?" + query, form);
    }

    /** The query parameters of a redirect's Location. */
    public static Map<String, String> parameters(Response redirect) {
        String query = URI.create(redirect.header("Location")).getRawQuery();
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            parameters.put(
                    URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return parameters;
    }

    public static String encode(Map<String, String> parameters) {
        StringJoiner joined = new StringJoiner("&");
        parameters.forEach(
                (k, v) ->
                        joined.add(
                                URLEncoder.encode(k, StandardCharsets.UTF_8)
                                        + "="
                                        + URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return joined.toString();
    }

    /** PKCE S256 of a verifier, computed here independently of the server's code. */
    public static String challenge(String verifier) {
        try {
            return Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(
                            MessageDigest.getInstance("SHA-256")
                                    .digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void remember(Response response) {
        response.getDetailedCookies()
                .forEach(
                        cookie -> {
                            if (cookie.getMaxAge() == 0) {
                                cookies.remove(cookie.getName());
                            } else {
                                cookies.put(cookie.getName(), cookie.getValue());
                            }
                        });
    }
}
