namespace Outturn.Demo.Tests;

/// <summary>The demo LA of the README (60,000 children, 4 years to 2024-25, seed 1), generated once for all tests.</summary>
public sealed class DemoFixture
{
    public static readonly DateOnly AsAt = new(2025, 3, 31);

    public SyntheticLa La { get; } = DemoGenerator.Generate(new DemoSettings(60_000, 4, 1, AsAt));
}

[CollectionDefinition(Name)]
public sealed class DemoCollection : ICollectionFixture<DemoFixture>
{
    public const string Name = "Demo LA";
}
