using Outturn.App.ChildLevel;
using Outturn.App.National;
using Outturn.Domain.National;
using Outturn.Store;

namespace Outturn.Web.Scorecards;

/// <summary>
/// The child-level returns the store holds, read back once per import (the last import's audit entry names every
/// file's digest, so the same entry means the same returns), for the case lists behind a figure. Which children are
/// shown goes through the App's <see cref="CaseLists"/>, which writes the store's access log first.
/// </summary>
/// <param name="store">The store.</param>
public sealed class WebCases(OutturnStore store)
{
    private static readonly Lock Gate = new();
    private static (string Key, ChildLevelLoad? Load)? _held;

    /// <summary>The returns held now, ready to compute; null when the store holds no return of children.</summary>
    public NationalContext? Context()
    {
        var last = store.History().LastOrDefault(e => e.Action is "import" or "purge");
        var key = last is null ? "" : $"{last.At} {last.Detail}";
        lock (Gate)
        {
            if (_held is not { } held || held.Key != key)
            {
                _held = (key, store.ChildLevel());
            }

            return _held.Value.Load is { } load ? new NationalContext(load.Data) : null;
        }
    }

    /// <summary>The case lists, recording each list in the store's access log as <paramref name="user"/> before it is returned.</summary>
    public CaseLists Lists(string user, TimeProvider clock) => new(new StoreAccessLog(store.As(user)), clock);
}
