namespace Storyfold.Tests.Clustering;

/// <summary>Small invented news reports: two earthquakes (same kind, different events), a hurricane in two languages.</summary>
internal static class StoryCorpus
{
    public static readonly TestArticle[] ChileQuake =
    [
        new("chile-1", "Magnitude 7.1 earthquake strikes central Chile near Talca",
            "A magnitude 7.1 earthquake struck central Chile on Tuesday near the city of Talca, the United States Geological Survey said. " +
            "Buildings shook in Santiago, 250 kilometres to the north, and the Chilean navy ruled out a tsunami. " +
            "Interior minister Carolina Toha said 14 people were injured in the Maule region and power was cut to 40,000 homes.",
            "2024-03-05"),
        new("chile-2", "Chile quake injures 14 in Maule region, no tsunami",
            "Fourteen people were hurt when a 7.1 magnitude quake hit near Talca in central Chile, officials in the Maule region said. " +
            "Carolina Toha, the interior minister, told reporters that electricity was restored to most of the 40,000 homes left dark. " +
            "The Chilean navy said there was no tsunami threat to the coast.",
            "2024-03-05"),
        new("chile-3", "Aftershocks rattle Talca a day after Chile earthquake",
            "Aftershocks rattled Talca on Wednesday, a day after the magnitude 7.1 earthquake in central Chile injured 14 people. " +
            "Engineers inspected schools across the Maule region, and Carolina Toha said damage to roads near Talca was being repaired. " +
            "Residents of Santiago described long seconds of shaking.",
            "2024-03-06"),
    ];

    public static readonly TestArticle[] JapanQuake =
    [
        new("japan-1", "Magnitude 6.4 earthquake shakes Hokkaido, Japan",
            "A magnitude 6.4 earthquake shook the Japanese island of Hokkaido on Tuesday, the Japan Meteorological Agency said. " +
            "Trains were halted in Sapporo and Hokkaido Electric Power checked the Tomari plant, finding no damage. " +
            "Chief Cabinet Secretary Yoshimasa Hayashi said three people were injured in Kushiro.",
            "2024-03-05"),
        new("japan-2", "Hokkaido quake halts trains in Sapporo, three injured in Kushiro",
            "Three people were injured in Kushiro after a 6.4 magnitude quake struck Hokkaido in northern Japan. " +
            "Yoshimasa Hayashi, the chief cabinet secretary, said the Tomari nuclear plant was safe and Sapporo trains resumed in the evening. " +
            "The Japan Meteorological Agency warned of aftershocks.",
            "2024-03-05"),
        new("japan-3", "Sapporo trains resume after Hokkaido earthquake",
            "Trains in Sapporo resumed on Wednesday after the magnitude 6.4 earthquake that injured three people in Kushiro on Hokkaido. " +
            "Hokkaido Electric Power said the Tomari plant had no damage, and Yoshimasa Hayashi urged residents to watch for aftershocks.",
            "2024-03-06"),
    ];

    public static readonly TestArticle HurricaneEnglish =
        new("fiona-en", "Hurricane Fiona hits Dominican Republic after battering Puerto Rico",
            "Hurricane Fiona made landfall in the Dominican Republic on Monday after knocking out power across Puerto Rico. " +
            "Torrential rain caused floods, and residents of Puerto Rico were without electricity. " +
            "Fiona is expected to strengthen as it moves north.",
            "2022-09-19");

    public static readonly TestArticle HurricaneChinese =
        new("fiona-zh", "飓风菲奥娜袭击多米尼加",
            "飓风菲奥娜周一袭击多米尼加，此前飓风在波多黎各造成大面积停电。暴雨引发洪水，波多黎各居民仍然没有电力供应。",
            "2022-09-19");

    /// <summary>A wire copy: the same report lightly edited, with a credit line naming <paramref name="credit"/>.</summary>
    public static TestArticle Syndicated(TestArticle original, string id, string credit = "staff") =>
        original with
        {
            Id = id,
            Text = original.Text.Replace("said.", "said on Tuesday.", StringComparison.Ordinal) + $" (Reporting by {credit}.)",
        };
}
