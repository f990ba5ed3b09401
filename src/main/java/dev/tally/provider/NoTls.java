package dev.tally.provider;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;

/**
 * The TLS context of the plain-http client ({@link HttpFetch}): the JDK's HttpClient wants one even when it never
 * speaks TLS, and the default one reads and parses every CA certificate of the JDK first. This one trusts no
 * certificate at all, so it can never be used for https by mistake, and costs nothing to set up. Immutable.
 */
final class NoTls {
    static final SSLContext CONTEXT = context();

    private NoTls() {
    }

    private static SSLContext context() {
        try {
            SSLContext c = SSLContext.getInstance("TLS");
            c.init(null, new TrustManager[] {new X509TrustManager() {
                @Override
                public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
                    throw new CertificateException("the plain-http client trusts no certificate");
                }

                @Override
                public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
                    throw new CertificateException("the plain-http client trusts no certificate");
                }

                @Override
                public X509Certificate[] getAcceptedIssuers() {
                    return new X509Certificate[0];
                }
            }}, null);
            return c;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("no TLS implementation in this Java runtime", e);
        }
    }
}
