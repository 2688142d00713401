using System.Globalization;

namespace Cms.Bench;

/// <summary>
/// About 1.5 KB of an article's Markdown, as a practice writes them: headings, a list, links and emphasis. The
/// topic, numbers and date change from one article to the next, so no two bodies are the same.
/// </summary>
internal static class ArticleMarkdown
{
    // Practice topic: one of the Topics options of the practice recipe's Article type.
    private static readonly (string Title, string Concern, string Goal, string PracticeTopic)[] s_topics =
    [
        ("The Therapeutic Relationship", "anxiety", "I want to worry less at night", "Anxiety"),
        ("Working Through Grief", "grief", "I want to talk about my father without falling apart", "Grief"),
        ("Obsessive Thinking and Exposure", "obsessive thinking", "I want to stop checking the stove", "OCD"),
        ("Couples in Transition", "conflict at home", "we want to argue less and listen more", "Relationships"),
        ("Burnout at Work", "burnout", "I want my weekends back", "Stress"),
        ("Panic and the Body", "panic attacks", "I want to ride the train again", "Anxiety"),
        ("Parenting a Teenager", "family stress", "I want my son to talk to me", "Parenting"),
    ];

    /// <summary>How many topics the articles go round: a word of one topic is in one article of this many.</summary>
    public static int Topics => s_topics.Length;

    private static readonly (string Name, string Url)[] s_sources =
    [
        ("International OCD Foundation", "https://iocdf.org/about-ocd/"),
        ("Association for Contextual Behavioral Science", "https://contextualscience.org/act"),
        ("American Psychological Association", "https://www.apa.org/topics/psychotherapy"),
        ("National Alliance on Mental Illness", "https://www.nami.org/your-journey/"),
    ];

    public static string TopicTitle(int index) => s_topics[index % s_topics.Length].Title;

    /// <summary>The article's value for the practice Article type's Topics field.</summary>
    public static string PracticeTopic(int index) => s_topics[index % s_topics.Length].PracticeTopic;

    public static string Write(int index, DateTime updated)
    {
        var (title, concern, goal, _) = s_topics[index % s_topics.Length];
        var (source, url) = s_sources[index % s_sources.Length];
        var part = (index % 4) + 1;
        var next = s_topics[(index + 1) % s_topics.Length].Title;
        return string.Create(CultureInfo.InvariantCulture, $"""
            ## {title}

            Many people who come to therapy for {concern} are not sure what the first sessions will be like. This article
            explains what usually happens, what you can ask, and how to tell whether the fit is right for you. It is part
            {part} of a series written by the counselors of the practice (article {index + 1:N0}).

            ### What tends to help

            - Naming what you want from therapy, even roughly: "{goal}" is a fine start.
            - Asking about the counselor's training and how they work with {concern}.
            - Agreeing on how often to meet; weekly sessions for the first {6 + (index % 7)} weeks are common.
            - Keeping a short note of what stood out after each session.

            ### The relationship matters

            Research keeps finding that the relationship between client and counselor predicts progress as well as
            the method does. You should feel heard, and you should be able to say when something is not working. A
            good counselor will welcome that and adjust; {concern} is hard to talk about, and **the pace is yours**.

            If you want to read more first, the [{source}]({url}) publishes plain-language guides, and our
            [counselor directory](/counselors) lists who is accepting new clients.

            ### When to reach out

            If {concern} is getting in the way of work, sleep or the people you care about, that is reason enough to
            call. You do not need to be in crisis, and you do not need to have the right words.

            *Updated {updated:MMM d, yyyy}. Next in the series: {next}.*
            """);
    }
}
