package dev.gatehouse.index.signin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SignUpRedirectTest {

    @Test
    void sendsTheAuthorizeRequestToTheSignUpPageWithEveryParameter() {
        assertEquals(
                "https://example.auth.us-east-1.amazoncognito.com/signup?response_type=code"
                        + "&client_id=abc&redirect_uri=http%3A%2F%2F127.0.0.1%3A8080%2Fcallback"
                        + "&state=s&code_challenge=c&code_challenge_method=S256",
                SignUpRedirect.toSignUpPage(
                        "https://example.auth.us-east-1.amazoncognito.com/oauth2/authorize"
                                + "?response_type=code&client_id=abc"
                                + "&redirect_uri=http%3A%2F%2F127.0.0.1%3A8080%2Fcallback"
                                + "&state=s&code_challenge=c&code_challenge_method=S256"));
    }

    @Test
    void keepsAPathPrefixBeforeTheEndpoint() {
        assertEquals(
                "http://127.0.0.1:8083/pool/signup?client_id=abc",
                SignUpRedirect.toSignUpPage(
                        "http://127.0.0.1:8083/pool/oauth2/authorize?client_id=abc"));
    }

    @Test
    void leavesAnyOtherRedirectAlone() {
        String other = "http://127.0.0.1:8083/login?client_id=abc";
        assertEquals(other, SignUpRedirect.toSignUpPage(other));
    }
}
