using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Outturn.Web.Tests;

/// <summary>
/// The cookie keys in the store, encrypted at rest when a certificate is configured (<c>Outturn:KeyCertificate</c>):
/// what the store holds is the encrypted key, and signing in (a cookie protected and read back) works.
/// </summary>
public sealed class KeyRingTests
{
    [Fact]
    public async Task WithACertificateConfigured_TheKeysInTheStoreAreEncrypted_AndSignInWorks()
    {
        var folder = Directory.CreateTempSubdirectory("outturn-key-certificate-").FullName;
        try
        {
            using var rsa = RSA.Create(2048);
            var request = new CertificateRequest("CN=Outturn key ring", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
            var pfx = Path.Combine(folder, "keys.pfx");
            File.WriteAllBytes(pfx, certificate.Export(X509ContentType.Pfx, "pfx-password"));
            using var site = new TestSite("sqlite") { Configured = { ["Outturn:KeyCertificate"] = pfx, ["Outturn:KeyCertificatePassword"] = "pfx-password" } };
            var held = site.Store().DataProtectionKeys().Count;

            using var client = await site.SignedIn("analyst");

            (await client.GetAsync("/targets")).StatusCode.ShouldBe(HttpStatusCode.OK);
            var keys = site.Store().DataProtectionKeys();
            keys.Count.ShouldBe(held + 1);
            keys[^1].Xml.ShouldContain("<encryptedSecret");
            keys[^1].Xml.ShouldContain("EncryptedXmlDecryptor");
            keys[^1].Xml.ShouldNotContain("<masterKey");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task WithoutACertificate_TheKeysAreKeptAsTheFrameworkWritesThem()
    {
        using var site = new TestSite("sqlite");

        using var client = await site.SignedIn("analyst");

        site.Store().DataProtectionKeys()[^1].Xml.ShouldContain("<masterKey");
    }
}
