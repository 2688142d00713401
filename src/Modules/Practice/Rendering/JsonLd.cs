using System.Text.Json.Nodes;
using Cms.Practice.Site;

namespace Cms.Practice.Rendering;

/// <summary>
/// schema.org structured data for the pages: the practice as a MedicalBusiness on every page, plus a
/// BlogPosting (author, isPartOf its series), a CreativeWorkSeries, or a ProfilePage about a Person.
/// System.Text.Json escapes &lt; and &gt;, so the result is safe inside a script element.
/// </summary>
internal static class JsonLd
{
    public static string Graph(RequestInfo request, PracticeSite site, params JsonObject?[] nodes)
    {
        var graph = new JsonArray { Practice(request, site) };
        foreach (var node in nodes.OfType<JsonObject>())
        {
            graph.Add(node);
        }

        return new JsonObject { ["@context"] = "https://schema.org", ["@graph"] = graph }.ToJsonString();
    }

    public static JsonObject Practice(RequestInfo request, PracticeSite site)
    {
        var practice = site.Practice;
        var node = new JsonObject
        {
            ["@type"] = "MedicalBusiness",
            ["@id"] = request.Absolute("/") + "#practice",
            ["name"] = practice.Name,
            ["url"] = request.Absolute("/"),
            ["medicalSpecialty"] = "Psychiatric",
            ["isAcceptingNewPatients"] = site.Counselors.Any(c => c.Accepting),
        };
        Add(node, "description", practice.Tagline);
        Add(node, "telephone", practice.Phone);
        Add(node, "email", practice.Email);
        if (practice.City is not null || practice.Region is not null)
        {
            var address = new JsonObject { ["@type"] = "PostalAddress", ["addressCountry"] = "US" };
            Add(address, "streetAddress", practice.StreetAddress);
            Add(address, "addressLocality", practice.City);
            Add(address, "addressRegion", practice.Region);
            Add(address, "postalCode", practice.PostalCode);
            node["address"] = address;
        }

        node["availableService"] = new JsonObject { ["@type"] = "MedicalTherapy", ["name"] = "Psychotherapy and counseling" };
        return node;
    }

    public static JsonObject Person(RequestInfo request, CounselorModel counselor, bool full)
    {
        var node = new JsonObject
        {
            ["@type"] = "Person",
            ["@id"] = request.Absolute(counselor.Url) + "#person",
            ["name"] = counselor.Name,
            ["url"] = request.Absolute(counselor.Url),
        };
        Add(node, "jobTitle", counselor.ProfessionalTitle);
        Add(node, "honorificSuffix", counselor.CredentialSuffix);
        if (counselor.Photo is not null)
        {
            node["image"] = request.Absolute(counselor.Photo.Url);
        }

        if (!full)
        {
            return node;
        }

        Add(node, "description", counselor.ShortBio);
        Add(node, "email", counselor.Email);
        node["worksFor"] = new JsonObject { ["@id"] = request.Absolute("/") + "#practice" };
        node["knowsAbout"] = new JsonArray(counselor.Specialties.Concat(counselor.Approaches).Select(s => (JsonNode?)s).ToArray());
        node["knowsLanguage"] = new JsonArray(counselor.Languages.Select(s => (JsonNode?)s).ToArray());
        node["memberOf"] = new JsonArray(counselor.Memberships.Select(m => (JsonNode?)Organization(m)).ToArray());
        if (counselor.LicenseType is not null)
        {
            var credential = new JsonObject { ["@type"] = "EducationalOccupationalCredential", ["credentialCategory"] = "license", ["name"] = counselor.LicenseType };
            Add(credential, "identifier", counselor.LicenseNumber);
            if (counselor.LicenseState is not null)
            {
                credential["recognizedBy"] = new JsonObject { ["@type"] = "GovernmentOrganization", ["name"] = counselor.LicenseState };
            }

            node["hasCredential"] = credential;
        }

        return node;
    }

    public static JsonObject ProfilePage(RequestInfo request, CounselorModel counselor) => new()
    {
        ["@type"] = "ProfilePage",
        ["url"] = request.Absolute(counselor.Url),
        ["name"] = counselor.NameWithCredentials,
        ["mainEntity"] = Person(request, counselor, full: true),
    };

    public static JsonObject Article(RequestInfo request, ArticleModel article)
    {
        var node = new JsonObject
        {
            ["@type"] = "BlogPosting",
            ["@id"] = request.Absolute(article.Url) + "#article",
            ["headline"] = article.Title,
            ["url"] = request.Absolute(article.Url),
            ["mainEntityOfPage"] = request.Absolute(article.Url),
            ["datePublished"] = article.Published.Iso,
            ["dateModified"] = article.Modified.Iso,
            ["wordCount"] = article.WordCount,
            ["timeRequired"] = $"PT{article.ReadingMinutes}M",
            ["author"] = new JsonArray(article.Authors.Select(a => (JsonNode?)Person(request, a, full: false)).ToArray()),
            ["publisher"] = new JsonObject { ["@id"] = request.Absolute("/") + "#practice" },
        };
        Add(node, "description", article.MetaDescription ?? article.Excerpt);
        if (article.Image is not null)
        {
            node["image"] = request.Absolute(article.Image.Url);
        }

        if (article.Reviewer is not null)
        {
            node["reviewedBy"] = Person(request, article.Reviewer, full: false);
        }

        if (article.Topics.Count > 0)
        {
            node["keywords"] = string.Join(", ", article.Topics.Select(t => t.Name));
        }

        if (article.Series is { } series)
        {
            node["isPartOf"] = new JsonObject { ["@type"] = "CreativeWorkSeries", ["@id"] = request.Absolute(series.Url) + "#series", ["name"] = series.Title, ["url"] = request.Absolute(series.Url) };
            node["position"] = article.Position;
        }

        return node;
    }

    public static JsonObject Series(RequestInfo request, SeriesModel series)
    {
        var node = new JsonObject
        {
            ["@type"] = "CreativeWorkSeries",
            ["@id"] = request.Absolute(series.Url) + "#series",
            ["name"] = series.Title,
            ["url"] = request.Absolute(series.Url),
            ["hasPart"] = new JsonArray(series.Parts.Select((p, i) => (JsonNode?)new JsonObject
            {
                ["@type"] = "BlogPosting",
                ["headline"] = p.Title,
                ["url"] = request.Absolute(p.Url),
                ["position"] = i + 1,
                ["datePublished"] = p.Published.Iso,
            }).ToArray()),
            ["author"] = new JsonArray(series.Authors.Select(a => (JsonNode?)Person(request, a, full: false)).ToArray()),
        };
        Add(node, "description", series.MetaDescription);
        return node;
    }

    private static JsonObject Organization(LinkModel membership)
    {
        var node = new JsonObject { ["@type"] = "Organization", ["name"] = membership.Name };
        Add(node, "url", membership.Url);
        return node;
    }

    private static void Add(JsonObject node, string key, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            node[key] = value;
        }
    }
}
