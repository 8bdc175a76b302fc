// The catalogue, as one object for the extension, the tests and the Node tools.
// GENERATED from the files of this folder by `npm run catalogue:check -- --fix-index`:
// add or remove a file there, then run that command. `npm run catalogue:check` fails when
// this list and the folders differ.
import type { Catalogue } from '../core/catalogue/types';
import categories from './categories.json';
import software_bigbluebutton from './software/bigbluebutton.json';
import software_cgit from './software/cgit.json';
import software_collabora_online from './software/collabora-online.json';
import software_cryptpad from './software/cryptpad.json';
import software_diaspora from './software/diaspora.json';
import software_element_matrix from './software/element-matrix.json';
import software_email_server from './software/email-server.json';
import software_ethercalc from './software/ethercalc.json';
import software_etherpad from './software/etherpad.json';
import software_forgejo from './software/forgejo.json';
import software_framadate from './software/framadate.json';
import software_friendica from './software/friendica.json';
import software_galene from './software/galene.json';
import software_gitea from './software/gitea.json';
import software_gitlab from './software/gitlab.json';
import software_hedgedoc from './software/hedgedoc.json';
import software_jitsi_meet from './software/jitsi-meet.json';
import software_kanboard from './software/kanboard.json';
import software_libreto from './software/libreto.json';
import software_libretranslate from './software/libretranslate.json';
import software_limesurvey from './software/limesurvey.json';
import software_lstu from './software/lstu.json';
import software_lufi from './software/lufi.json';
import software_mailman from './software/mailman.json';
import software_mastodon from './software/mastodon.json';
import software_mattermost from './software/mattermost.json';
import software_mediaspip from './software/mediaspip.json';
import software_mobilizon from './software/mobilizon.json';
import software_mumble from './software/mumble.json';
import software_nextcloud from './software/nextcloud.json';
import software_onlyoffice from './software/onlyoffice.json';
import software_openstreetmap from './software/openstreetmap.json';
import software_peertube from './software/peertube.json';
import software_piwigo from './software/piwigo.json';
import software_pixelfed from './software/pixelfed.json';
import software_plik from './software/plik.json';
import software_privatebin from './software/privatebin.json';
import software_psitransfer from './software/psitransfer.json';
import software_rallly from './software/rallly.json';
import software_roundcube from './software/roundcube.json';
import software_searxng from './software/searxng.json';
import software_snappymail from './software/snappymail.json';
import software_strut from './software/strut.json';
import software_sympa from './software/sympa.json';
import software_umap from './software/umap.json';
import software_wekan from './software/wekan.json';
import software_xmpp from './software/xmpp.json';
import software_yakforms from './software/yakforms.json';
import software_yourls from './software/yourls.json';
import service_asana from './services/asana.json';
import service_bing from './services/bing.json';
import service_bitly from './services/bitly.json';
import service_deepl from './services/deepl.json';
import service_discord from './services/discord.json';
import service_doodle from './services/doodle.json';
import service_dropbox from './services/dropbox.json';
import service_eventbrite from './services/eventbrite.json';
import service_facebook_events from './services/facebook-events.json';
import service_facebook from './services/facebook.json';
import service_flickr from './services/flickr.json';
import service_github from './services/github.json';
import service_gmail from './services/gmail.json';
import service_google_calendar from './services/google-calendar.json';
import service_google_chat from './services/google-chat.json';
import service_google_docs from './services/google-docs.json';
import service_google_drive from './services/google-drive.json';
import service_google_forms from './services/google-forms.json';
import service_google_groups from './services/google-groups.json';
import service_google_keep from './services/google-keep.json';
import service_google_maps from './services/google-maps.json';
import service_google_meet from './services/google-meet.json';
import service_google_photos from './services/google-photos.json';
import service_google_search from './services/google-search.json';
import service_google_sheets from './services/google-sheets.json';
import service_google_slides from './services/google-slides.json';
import service_google_translate from './services/google-translate.json';
import service_icloud_drive from './services/icloud-drive.json';
import service_icloud_mail from './services/icloud-mail.json';
import service_instagram from './services/instagram.json';
import service_linkedin from './services/linkedin.json';
import service_meetup from './services/meetup.json';
import service_messenger from './services/messenger.json';
import service_microsoft_forms from './services/microsoft-forms.json';
import service_microsoft_teams from './services/microsoft-teams.json';
import service_notion from './services/notion.json';
import service_onedrive from './services/onedrive.json';
import service_outlook from './services/outlook.json';
import service_pastebin from './services/pastebin.json';
import service_slack from './services/slack.json';
import service_surveymonkey from './services/surveymonkey.json';
import service_telegram from './services/telegram.json';
import service_threads from './services/threads.json';
import service_trello from './services/trello.json';
import service_twitch from './services/twitch.json';
import service_twitter_x from './services/twitter-x.json';
import service_typeform from './services/typeform.json';
import service_vimeo from './services/vimeo.json';
import service_webex from './services/webex.json';
import service_wetransfer from './services/wetransfer.json';
import service_whatsapp from './services/whatsapp.json';
import service_yahoo_mail from './services/yahoo-mail.json';
import service_youtube from './services/youtube.json';
import service_zoom from './services/zoom.json';

export const catalogue: Catalogue = {
  categories,
  software: [
    software_bigbluebutton,
    software_cgit,
    software_collabora_online,
    software_cryptpad,
    software_diaspora,
    software_element_matrix,
    software_email_server,
    software_ethercalc,
    software_etherpad,
    software_forgejo,
    software_framadate,
    software_friendica,
    software_galene,
    software_gitea,
    software_gitlab,
    software_hedgedoc,
    software_jitsi_meet,
    software_kanboard,
    software_libreto,
    software_libretranslate,
    software_limesurvey,
    software_lstu,
    software_lufi,
    software_mailman,
    software_mastodon,
    software_mattermost,
    software_mediaspip,
    software_mobilizon,
    software_mumble,
    software_nextcloud,
    software_onlyoffice,
    software_openstreetmap,
    software_peertube,
    software_piwigo,
    software_pixelfed,
    software_plik,
    software_privatebin,
    software_psitransfer,
    software_rallly,
    software_roundcube,
    software_searxng,
    software_snappymail,
    software_strut,
    software_sympa,
    software_umap,
    software_wekan,
    software_xmpp,
    software_yakforms,
    software_yourls,
  ],
  services: [
    service_asana,
    service_bing,
    service_bitly,
    service_deepl,
    service_discord,
    service_doodle,
    service_dropbox,
    service_eventbrite,
    service_facebook_events,
    service_facebook,
    service_flickr,
    service_github,
    service_gmail,
    service_google_calendar,
    service_google_chat,
    service_google_docs,
    service_google_drive,
    service_google_forms,
    service_google_groups,
    service_google_keep,
    service_google_maps,
    service_google_meet,
    service_google_photos,
    service_google_search,
    service_google_sheets,
    service_google_slides,
    service_google_translate,
    service_icloud_drive,
    service_icloud_mail,
    service_instagram,
    service_linkedin,
    service_meetup,
    service_messenger,
    service_microsoft_forms,
    service_microsoft_teams,
    service_notion,
    service_onedrive,
    service_outlook,
    service_pastebin,
    service_slack,
    service_surveymonkey,
    service_telegram,
    service_threads,
    service_trello,
    service_twitch,
    service_twitter_x,
    service_typeform,
    service_vimeo,
    service_webex,
    service_wetransfer,
    service_whatsapp,
    service_yahoo_mail,
    service_youtube,
    service_zoom,
  ],
};
