package dev.tally.provider;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLContextSpi;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocketFactory;
import javax.net.ssl.SSLSessionContext;
import javax.net.ssl.SSLSocketFactory;
import java.security.Provider;
import java.security.SecureRandom;

/**
 * The TLS context of the plain-http client ({@link HttpFetch}): the JDK's HttpClient wants one even when it never
 * speaks TLS. Any of the JDK's own contexts costs a command-line start tens of milliseconds (the default one reads
 * and parses every CA certificate; any other sets up the security providers and the cipher suites), so this one is
 * none of them: it refuses every use, so it can never be used for https by mistake, and costs nothing to set up.
 * Immutable.
 */
final class NoTls {
    static final SSLContext CONTEXT = new SSLContext(new Refusing(), new Provider("TallyNoTls", "1", "refuses TLS") {
        private static final long serialVersionUID = 1L;
    }, "TLS") {
    };

    private NoTls() {
    }

    private static final class Refusing extends SSLContextSpi {
        private static UnsupportedOperationException refused() {
            return new UnsupportedOperationException("the plain-http client speaks no TLS");
        }

        @Override
        protected void engineInit(javax.net.ssl.KeyManager[] km, javax.net.ssl.TrustManager[] tm, SecureRandom sr) {
            throw refused();
        }

        @Override
        protected SSLSocketFactory engineGetSocketFactory() {
            throw refused();
        }

        @Override
        protected SSLServerSocketFactory engineGetServerSocketFactory() {
            throw refused();
        }

        @Override
        protected SSLEngine engineCreateSSLEngine() {
            throw refused();
        }

        @Override
        protected SSLEngine engineCreateSSLEngine(String host, int port) {
            throw refused();
        }

        @Override
        protected SSLSessionContext engineGetServerSessionContext() {
            throw refused();
        }

        @Override
        protected SSLSessionContext engineGetClientSessionContext() {
            throw refused();
        }

        /** What the HttpClient asks for when it is built: no protocol and no cipher suite. */
        @Override
        protected SSLParameters engineGetDefaultSSLParameters() {
            return new SSLParameters(new String[0], new String[0]);
        }

        @Override
        protected SSLParameters engineGetSupportedSSLParameters() {
            return new SSLParameters(new String[0], new String[0]);
        }
    }
}
