package dev.gatehouse.auth.sigv4;

/** What parsing a request's signature gives: the claim it makes, or why it is refused. */
public sealed interface SignatureParse permits SignatureClaim, SigV4Rejection {}
