using Outturn.Domain.Benchmarking;
using Outturn.Domain.Indicators;

namespace Outturn.Domain.Tests.Benchmarking;

public class RankingTests
{
    private static readonly decimal[] Values = [3m, 1m, 2m, 2m, 5m];

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)] // tied with the other 2: both take the lower rank, R's ties.method = "min"
    [InlineData(3, 4)] // the tie uses ranks 2 and 3, so 3 comes fourth
    [InlineData(5, 5)]
    public void RankOf_LowPolarity_RanksTheSmallestFirst(int value, int rank) =>
        Ranking.RankOf(value, Values, Polarity.Low).ShouldBe(rank);

    [Theory]
    [InlineData(5, 1)]
    [InlineData(3, 2)]
    [InlineData(2, 3)] // both 2s share rank 3
    [InlineData(1, 5)]
    public void RankOf_HighPolarity_RanksTheLargestFirst(int value, int rank) =>
        Ranking.RankOf(value, Values, Polarity.High).ShouldBe(rank);

    [Fact]
    public void RankOf_NoPolarity_HasNoRank() =>
        Ranking.RankOf(2m, Values, Polarity.None).ShouldBeNull();

    [Fact]
    public void RankOf_AValueNotRanked_IsRefused() =>
        Should.Throw<ArgumentException>(() => Ranking.RankOf(4m, Values, Polarity.Low));
}
