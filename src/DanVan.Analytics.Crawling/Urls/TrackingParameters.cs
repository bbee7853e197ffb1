namespace DanVan.Analytics.Crawling.Urls;

/// <summary>
/// Query parameters that only track where a click came from and never change the page. Names end in
/// <c>*</c> for a prefix. Sources: the campaign tags of the big ad and analytics platforms, plus the ones the
/// Vietnamese social apps add when an article is shared (Zalo, Cốc Cốc).
/// </summary>
internal static class TrackingParameters
{
    public static readonly string[] Default =
    [
        "utm_*",      // Google Analytics campaign tags (utm_source, utm_medium, utm_campaign, ...)
        "fbclid",     // Facebook click id
        "gclid",      // Google Ads click id
        "gclsrc",     // Google Ads click source
        "dclid",      // Google Display click id
        "gbraid",     // Google Ads (iOS) click id
        "wbraid",     // Google Ads (web-to-app) click id
        "msclkid",    // Microsoft Ads click id
        "yclid",      // Yandex click id
        "mc_cid",     // Mailchimp campaign id
        "mc_eid",     // Mailchimp subscriber id
        "igshid",     // Instagram share id
        "_ga",        // Google Analytics cross-domain linker
        "zarsrc",     // Zalo share source (common on Vietnamese news links)
        "gidzl",      // Zalo share id
        "ccsrc",      // Cốc Cốc browser share source
    ];
}
