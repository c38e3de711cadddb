package nl.uitkijk.transparency.internal;

/**
 * What the municipality publishes about itself on the public pages.
 *
 * @param owner who is responsible for the cameras (the burgemeester's municipality)
 * @param contact where to ask questions (e-mail or telephone)
 * @param accessRequestUrl where to file an access request (inzageverzoek), or empty
 * @param tileUrl map background tiles ({@code https://…/{z}/{x}/{y}.png}), or empty for no background
 * @param tileAttribution credit for the tiles
 */
record SiteInfo(String owner, String contact, String accessRequestUrl, String tileUrl, String tileAttribution) {

    SiteInfo {
        owner = owner == null ? "" : owner.strip();
        contact = contact == null ? "" : contact.strip();
        accessRequestUrl = accessRequestUrl == null ? "" : accessRequestUrl.strip();
        tileUrl = tileUrl == null ? "" : tileUrl.strip();
        tileAttribution = tileAttribution == null ? "" : tileAttribution.strip();
    }
}
