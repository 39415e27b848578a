using Outturn.Demo.Returns;

namespace Outturn.Demo;

/// <summary>
/// A national-scale set of synthetic authorities (<c>outturn demo generate --authorities N</c>): each its own LA, with
/// its own codes (<see cref="DemoAuthority.Synthetic"/>) and its own seed, written to its own folder in the layout a
/// single demo has, so each is read as one LA's returns are.
/// </summary>
/// <remarks>
/// <para>The children asked for are the total, shared as evenly as whole children allow (the first authorities take
/// one more each when they do not divide), so a national set of 12 million is <c>--children 12000000</c> whatever the
/// number of authorities.</para>
/// <para>Each authority's seed is worked out from the set's seed and its number alone, and its files from its settings
/// alone, so the same settings give the same bytes however many cores generate them and in whatever order.</para>
/// </remarks>
public static class NationalDemo
{
    /// <summary>The settings of each authority of a set, in code order.</summary>
    /// <param name="authorities">How many authorities, 1 to <see cref="DemoAuthority.MaxSynthetic"/>.</param>
    /// <param name="children">Children aged 0 to 17 in all the authorities together.</param>
    /// <param name="years">Financial years to write, as <see cref="DemoSettings"/> takes them.</param>
    /// <param name="seed">The set's seed.</param>
    /// <param name="asAt">The date the set is generated as at.</param>
    /// <exception cref="ArgumentOutOfRangeException">Too few or too many authorities (<c>authorities</c>); too few or too
    /// many children for that many (<c>children</c>: each must have from <see cref="DemoSettings.MinChildren"/> to
    /// <see cref="DemoSettings.MaxChildren"/>); or years as <see cref="DemoSettings"/> refuses them.</exception>
    public static IReadOnlyList<DemoSettings> Settings(int authorities, long children, int years, int seed, DateOnly asAt)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(authorities, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(authorities, DemoAuthority.MaxSynthetic);
        ArgumentOutOfRangeException.ThrowIfLessThan(children, (long)DemoSettings.MinChildren * authorities);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(children, (long)DemoSettings.MaxChildren * authorities);
        var each = children / authorities;
        var more = children % authorities;
        return [.. Enumerable.Range(1, authorities).Select(n =>
            new DemoSettings((int)(each + (n <= more ? 1 : 0)), years, SeedOf(seed, n), asAt, DemoAuthority.Synthetic(n)))];
    }

    /// <summary>
    /// The seed of authority <paramref name="number"/> of a set seeded <paramref name="seed"/>: the two mixed
    /// (SplitMix64's finaliser), so neighbouring authorities and neighbouring set seeds draw unrelated streams.
    /// </summary>
    public static int SeedOf(int seed, int number)
    {
        unchecked
        {
            var z = ((ulong)(uint)seed << 32) | (uint)number;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return (int)((z ^ (z >> 31)) >> 33);
        }
    }

    /// <summary>The folder of one authority in a set's folder: its DfE code.</summary>
    public static string FolderOf(string directory, DemoAuthority authority)
    {
        ArgumentNullException.ThrowIfNull(authority);
        return Path.Combine(directory, authority.OldLaCode);
    }

    /// <summary>
    /// Generates every authority and writes it to <c>directory/CODE/</c>, on the cores there are, at most
    /// <paramref name="parallel"/> authorities at once (all the cores when null), so at most that many are in memory.
    /// Everything is written into a hidden folder renamed to <paramref name="directory"/> at the end: a failure leaves
    /// nothing half-written. Returns the files written, relative to <paramref name="directory"/>, in code order.
    /// </summary>
    /// <exception cref="Formats.InputException">The folder exists and is not empty, or its parent does not exist.</exception>
    public static IReadOnlyList<string> Write(IReadOnlyList<DemoSettings> authorities, string directory, int? parallel = null)
    {
        ArgumentNullException.ThrowIfNull(authorities);
        return DemoWriter.IntoNewFolder(directory, temporary =>
        {
            var written = new List<string>[authorities.Count];
            // PLINQ runs as many at once as there are cores unless told fewer.
            var indices = Enumerable.Range(0, authorities.Count).AsParallel();
            if (parallel is { } most)
            {
                indices = indices.WithDegreeOfParallelism(most);
            }

            try
            {
                indices.ForAll(i =>
                {
                    var settings = authorities[i];
                    var la = DemoGenerator.Generate(settings);
                    var code = settings.Authority.OldLaCode;
                    written[i] = [.. DemoWriter.WriteInto(la, FolderOf(temporary, settings.Authority)).Select(f => Path.Combine(code, f))];
                });
            }
            catch (AggregateException e) when (e.InnerExceptions.Count == 1)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
            }

            return (IReadOnlyList<string>)[.. written.SelectMany(w => w)];
        });
    }
}
