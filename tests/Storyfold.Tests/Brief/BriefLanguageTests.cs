using Storyfold.Brief;
using Storyfold.News;

namespace Storyfold.Tests.Brief;

/// <summary>A story reported in two languages: the brief's headline and summary keep to the language most articles use.</summary>
public sealed class BriefLanguageTests
{
    private static IReadOnlyList<Article> Story() =>
    [
        SeedStory.Make("ms-1", "Ahli perniagaan Malaysia ditahan di Venezuela selepas melarikan diri", """
            Ahli perniagaan warga Malaysia yang melarikan diri daripada tahanan rumah di San Diego ditahan di Venezuela kelmarin, kerana polis menerima maklumat daripada Interpol.

            Beliau dijadual dijatuhi hukuman bulan lalu dalam kes rasuah yang melibatkan pegawai tentera laut.
            """, "2022-09-22"),
        SeedStory.Make("en-1", "Fugitive defence contractor arrested in Venezuela", """
            A Malaysian defence contractor who escaped house arrest in San Diego was arrested in Venezuela on Wednesday, the US Marshals Service said.

            He had been due to be sentenced in a Navy bribery case, the largest in the service's history.
            """, "2022-09-22"),
        SeedStory.Make("en-2", "Navy bribery fugitive caught in Venezuela", """
            Venezuelan police arrested the Malaysian defence contractor at Caracas airport on Wednesday as he tried to board a flight to Russia.

            He fled house arrest in San Diego weeks before he was due to be sentenced in the Navy bribery case.
            """, "2022-09-22"),
    ];

    [Fact]
    public void Headline_and_summary_are_in_the_language_most_articles_use()
    {
        var articles = Story();
        Assert.Equal(["ms", "en", "en"], articles.Select(a => a.Language));
        var brief = new StoryBriefBuilder().Build("fugitive", articles, BriefOptions.Default);
        Assert.DoesNotContain("Ahli", brief.Headline, StringComparison.Ordinal);
        Assert.NotEmpty(brief.Summary);
        Assert.All(brief.Summary, s => Assert.DoesNotContain("ditahan", s.Text, StringComparison.Ordinal));
    }
}
