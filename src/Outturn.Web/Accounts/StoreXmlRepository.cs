using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Outturn.Store;

namespace Outturn.Web.Accounts;

/// <summary>
/// The data protection key ring kept in the store, so every web instance on one store (a PostgreSQL database behind
/// several instances) protects and reads cookies and anti-forgery tokens with the same keys.
/// </summary>
/// <param name="store">The store.</param>
public sealed class StoreXmlRepository(OutturnStore store) : IXmlRepository
{
    /// <inheritdoc />
    public IReadOnlyCollection<XElement> GetAllElements() => [.. store.DataProtectionKeys().Select(k => XElement.Parse(k.Xml))];

    /// <inheritdoc />
    public void StoreElement(XElement element, string friendlyName)
    {
        ArgumentNullException.ThrowIfNull(element);
        store.AddDataProtectionKey(new DataProtectionKey(friendlyName, element.ToString(SaveOptions.DisableFormatting)));
    }
}
