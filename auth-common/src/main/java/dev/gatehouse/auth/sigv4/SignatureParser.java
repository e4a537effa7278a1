package dev.gatehouse.auth.sigv4;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads the SigV4 material of a request (Authorization header or presigned query) and checks
 * everything that needs no secret: shape, scope, and time window. Every failure carries the message
 * API Gateway sends (section 4.3, 4.6 and 4.9 of the spec).
 */
final class SignatureParser {

    static final String ALGORITHM = "AWS4-HMAC-SHA256";
    static final Duration SKEW = Duration.ofMinutes(5);
    static final long MAX_EXPIRES = 604_800;
    static final DateTimeFormatter AMZ_DATE =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter AMZ_DATE_LOCAL =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");
    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,7}");

    private final String region;
    private final String service;

    SignatureParser(String region, String service) {
        this.region = region;
        this.service = service;
    }

    /** The claim, or the rejection; never throws for any input. */
    SignatureParse parse(SignedRequest request, Instant now) {
        List<String> authorization = request.headers().get("authorization");
        Map<String, String> query = presignQuery(request.rawQuery());
        boolean presigned =
                query.containsKey("X-Amz-Algorithm") || query.containsKey("X-Amz-Signature");
        if (authorization != null && !authorization.isEmpty() && presigned) {
            return SigV4Rejection.incomplete(
                    "Found both 'X-Amz-Algorithm' as a query-string param and 'Authorization' as"
                            + " HTTP header.");
        }
        if (presigned) {
            return presignedClaim(query, request, now);
        }
        if (authorization == null || authorization.isEmpty()) {
            return SigV4Rejection.missingToken();
        }
        if (authorization.size() > 1) {
            return SigV4Rejection.incomplete("Only one Authorization header may be sent.");
        }
        return headerClaim(authorization.get(0), request, now);
    }

    private SignatureParse headerClaim(String raw, SignedRequest request, Instant now) {
        String value = raw.strip();
        int space = value.indexOf(' ');
        String scheme = space < 0 ? value : value.substring(0, space);
        Map<String, String> params = new LinkedHashMap<>();
        if (space >= 0) {
            for (String part : value.substring(space + 1).split(",")) {
                String p = part.strip();
                if (p.isEmpty()) {
                    continue;
                }
                int eq = p.indexOf('=');
                if (eq < 0) {
                    return SigV4Rejection.incomplete(
                            "'"
                                    + p
                                    + "' not a valid key=value pair (missing equal-sign) in"
                                    + " Authorization header: '"
                                    + value
                                    + "'.");
                }
                params.put(p.substring(0, eq).strip(), p.substring(eq + 1).strip());
            }
        }
        String amzDate = request.header("x-amz-date");
        String httpDate = request.header("date");
        List<String> missing = new ArrayList<>();
        for (String name : List.of("Credential", "Signature", "SignedHeaders")) {
            if (!params.containsKey(name)) {
                missing.add("Authorization header requires '" + name + "' parameter.");
            }
        }
        if (amzDate == null && httpDate == null) {
            missing.add(
                    "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date'"
                            + " header.");
        }
        if (!missing.isEmpty()) {
            return SigV4Rejection.incomplete(String.join(" ", missing) + " Authorization=" + value);
        }
        if (!ALGORITHM.equals(scheme)) {
            return SigV4Rejection.incomplete("Unsupported Authorization Type");
        }
        Instant time = amzDate != null ? amzDate(amzDate) : httpDate(httpDate);
        if (time == null) {
            return SigV4Rejection.incomplete(
                    "Date must be in ISO-8601 'basic format'. Got '"
                            + (amzDate != null ? amzDate : httpDate)
                            + "'. See http://en.wikipedia.org/wiki/ISO_8601");
        }
        String signedDate = amzDate != null ? amzDate : AMZ_DATE.format(time);
        return claim(
                params.get("Credential"),
                params.get("SignedHeaders"),
                params.get("Signature"),
                signedDate,
                time,
                request.header("x-amz-security-token"),
                false,
                request,
                now,
                null);
    }

    private SignatureParse presignedClaim(
            Map<String, String> query, SignedRequest request, Instant now) {
        List<String> missing = new ArrayList<>();
        for (String name :
                List.of(
                        "X-Amz-Algorithm",
                        "X-Amz-Credential",
                        "X-Amz-Signature",
                        "X-Amz-SignedHeaders",
                        "X-Amz-Date")) {
            if (query.get(name) == null || query.get(name).isEmpty()) {
                missing.add("AWS query-string parameters must include '" + name + "'.");
            }
        }
        if (!missing.isEmpty()) {
            return SigV4Rejection.incomplete(
                    String.join(" ", missing) + " Re-examine the query-string parameters.");
        }
        if (!ALGORITHM.equals(query.get("X-Amz-Algorithm"))) {
            return SigV4Rejection.incomplete("X-Amz-Algorithm only supports \"AWS4-HMAC-SHA256\"");
        }
        // Without X-Amz-Expires (npm aws4 presigns so for every service but S3) the signature
        // lives by the header form's rule: X-Amz-Date within five minutes of now, either way.
        String expires = query.get("X-Amz-Expires");
        if (expires != null
                && (!DIGITS.matcher(expires).matches()
                        || Long.parseLong(expires) < 1
                        || Long.parseLong(expires) > MAX_EXPIRES)) {
            return SigV4Rejection.incomplete(
                    "X-Amz-Expires must be a whole number of seconds from 1 to 604800 (seven"
                            + " days)");
        }
        Instant time = amzDate(query.get("X-Amz-Date"));
        if (time == null) {
            return SigV4Rejection.incomplete(
                    "Date must be in ISO-8601 'basic format'. Got '"
                            + query.get("X-Amz-Date")
                            + "'. See http://en.wikipedia.org/wiki/ISO_8601");
        }
        Instant expiry = expires == null ? null : time.plusSeconds(Long.parseLong(expires));
        return claim(
                query.get("X-Amz-Credential"),
                query.get("X-Amz-SignedHeaders"),
                query.get("X-Amz-Signature"),
                query.get("X-Amz-Date"),
                time,
                query.get("X-Amz-Security-Token"),
                true,
                request,
                now,
                expiry);
    }

    private SignatureParse claim(
            String credential,
            String signedHeaders,
            String signature,
            String amzDate,
            Instant time,
            String token,
            boolean presigned,
            SignedRequest request,
            Instant now,
            Instant expiry) {
        String[] scope = credential.split("/", -1);
        if (scope.length != 5 || scope[0].isEmpty()) {
            return SigV4Rejection.incomplete(
                    "Credential must have exactly 5 slash-delimited elements, e.g."
                            + " keyid/date/region/service/term, got '"
                            + credential
                            + "'");
        }
        if (!"aws4_request".equals(scope[4])) {
            return SigV4Rejection.invalidSignature(
                    "Credential should be scoped with a valid terminator: 'aws4_request', not '"
                            + scope[4]
                            + "'.");
        }
        if (!service.equals(scope[3])) {
            return SigV4Rejection.invalidSignature(
                    "Credential should be scoped to correct service: '" + service + "'. ");
        }
        if (!region.equals(scope[2])) {
            return SigV4Rejection.invalidSignature(
                    "Credential should be scoped to a valid Region, not '" + scope[2] + "'. ");
        }
        if (!amzDate.startsWith(scope[1]) || scope[1].length() != 8) {
            return SigV4Rejection.invalidSignature(
                    "Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date"
                            + " from HTTP: '"
                            + scope[1]
                            + "' != '"
                            + amzDate.substring(0, Math.min(8, amzDate.length()))
                            + "', from '"
                            + amzDate
                            + "'.");
        }
        if (expiry != null && now.isAfter(expiry)) {
            return SigV4Rejection.invalidSignature(
                    "Signature expired: "
                            + AMZ_DATE.format(expiry)
                            + " is now earlier than "
                            + AMZ_DATE.format(now)
                            + " ("
                            + AMZ_DATE.format(now)
                            + " - 0 min.)");
        }
        if (expiry == null && time.isBefore(now.minus(SKEW))) {
            return SigV4Rejection.invalidSignature(
                    "Signature expired: "
                            + amzDate
                            + " is now earlier than "
                            + AMZ_DATE.format(now.minus(SKEW))
                            + " ("
                            + AMZ_DATE.format(now)
                            + " - 5 min.)");
        }
        if (time.isAfter(now.plus(SKEW))) {
            return SigV4Rejection.invalidSignature(
                    "Signature not yet current: "
                            + amzDate
                            + " is still later than "
                            + AMZ_DATE.format(now.plus(SKEW))
                            + " ("
                            + AMZ_DATE.format(now)
                            + " + 5 min.)");
        }
        List<String> headers = new ArrayList<>();
        for (String header : signedHeaders.split(";")) {
            String name = header.strip();
            if (!name.isEmpty()) {
                headers.add(name);
            }
        }
        headers = List.copyOf(headers);
        // The host must be bound to the signature: a signed name whose header is absent is signed
        // as an empty value, after which any Host would pass. HTTP/1.x has no :authority, so
        // there it is host; on HTTP/2 either (the request carries :authority as received).
        if (!signsPresent(headers, "host", request)
                && !signsPresent(headers, ":authority", request)) {
            return SigV4Rejection.invalidSignature(
                    "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.");
        }
        return new SignatureClaim(
                scope[0],
                amzDate,
                scope[1],
                scope[2],
                scope[3],
                headers,
                signature,
                token,
                presigned,
                expiry != null ? expiry : time.plus(SKEW));
    }

    private static boolean signsPresent(List<String> signed, String name, SignedRequest request) {
        String value = request.header(name);
        return signed.contains(name) && value != null && !value.isBlank();
    }

    static Instant amzDate(String value) {
        if (value == null || value.length() != 16) {
            return null;
        }
        Instant plain = plainAmzDate(value);
        if (plain != null) {
            return plain;
        }
        try {
            return LocalDateTime.parse(value, AMZ_DATE_LOCAL).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /**
     * The usual {@code yyyyMMdd'T'HHmmss'Z'} with every field in range, read by hand (this runs on
     * every signed request); null for anything else, which the formatter then judges as before.
     */
    private static Instant plainAmzDate(String value) {
        if (value.charAt(8) != 'T' || value.charAt(15) != 'Z') {
            return null;
        }
        int year = digits(value, 0, 4);
        int month = digits(value, 4, 6);
        int day = digits(value, 6, 8);
        int hour = digits(value, 9, 11);
        int minute = digits(value, 11, 13);
        int second = digits(value, 13, 15);
        if (year < 1 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23) {
            return null;
        }
        if (minute < 0 || minute > 59 || second < 0 || second > 59) {
            return null;
        }
        if (day > YearMonth.of(year, month).lengthOfMonth()) {
            return null;
        }
        long days = LocalDate.of(year, month, day).toEpochDay();
        return Instant.ofEpochSecond(days * 86_400 + hour * 3_600L + minute * 60L + second);
    }

    /** The number written by the ASCII digits in [from, to), or -1 if any is not a digit. */
    private static int digits(String value, int from, int to) {
        int number = 0;
        for (int i = from; i < to; i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            number = number * 10 + (c - '0');
        }
        return number;
    }

    private static Instant httpDate(String value) {
        try {
            return ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME)
                    .toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** The X-Amz-* parameters of a query string, decoded; later repeats do not override. */
    static Map<String, String> presignQuery(String rawQuery) {
        Map<String, String> params = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return params;
        }
        for (String part : rawQuery.split("&")) {
            int eq = part.indexOf('=');
            String name = UriEncoding.decode(eq < 0 ? part : part.substring(0, eq));
            if (name.startsWith("X-Amz-")) {
                params.putIfAbsent(name, eq < 0 ? "" : UriEncoding.decode(part.substring(eq + 1)));
            }
        }
        return params;
    }
}
