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
import software_discourse from './software/discourse.json';
import software_easy_appointments from './software/easy-appointments.json';
import software_element_matrix from './software/element-matrix.json';
import software_email_server from './software/email-server.json';
import software_ethercalc from './software/ethercalc.json';
import software_etherpad from './software/etherpad.json';
import software_forgejo from './software/forgejo.json';
import software_framadate from './software/framadate.json';
import software_freshrss from './software/freshrss.json';
import software_friendica from './software/friendica.json';
import software_funkwhale from './software/funkwhale.json';
import software_galene from './software/galene.json';
import software_ghost from './software/ghost.json';
import software_gitea from './software/gitea.json';
import software_gitlab from './software/gitlab.json';
import software_hedgedoc from './software/hedgedoc.json';
import software_inventaire from './software/inventaire.json';
import software_jitsi_meet from './software/jitsi-meet.json';
import software_kanboard from './software/kanboard.json';
import software_lemmy from './software/lemmy.json';
import software_libreto from './software/libreto.json';
import software_libretranslate from './software/libretranslate.json';
import software_limesurvey from './software/limesurvey.json';
import software_listmonk from './software/listmonk.json';
import software_lstu from './software/lstu.json';
import software_lufi from './software/lufi.json';
import software_mailman from './software/mailman.json';
import software_mastodon from './software/mastodon.json';
import software_matomo from './software/matomo.json';
import software_mattermost from './software/mattermost.json';
import software_mediaspip from './software/mediaspip.json';
import software_mobilizon from './software/mobilizon.json';
import software_moodle from './software/moodle.json';
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
import software_spip from './software/spip.json';
import software_strut from './software/strut.json';
import software_sympa from './software/sympa.json';
import software_umap from './software/umap.json';
import software_vikunja from './software/vikunja.json';
import software_wekan from './software/wekan.json';
import software_wordpress from './software/wordpress.json';
import software_writefreely from './software/writefreely.json';
import software_xmpp from './software/xmpp.json';
import software_yakforms from './software/yakforms.json';
import software_yourls from './software/yourls.json';
import service_amazon_photos from './services/amazon-photos.json';
import service_apple_music from './services/apple-music.json';
import service_asana from './services/asana.json';
import service_bing from './services/bing.json';
import service_bitly from './services/bitly.json';
import service_blogger from './services/blogger.json';
import service_calendly from './services/calendly.json';
import service_deepl from './services/deepl.json';
import service_discord from './services/discord.json';
import service_doodle from './services/doodle.json';
import service_dropbox from './services/dropbox.json';
import service_eventbrite from './services/eventbrite.json';
import service_facebook_events from './services/facebook-events.json';
import service_facebook_groups from './services/facebook-groups.json';
import service_facebook from './services/facebook.json';
import service_facetime from './services/facetime.json';
import service_flickr from './services/flickr.json';
import service_github from './services/github.json';
import service_gmail from './services/gmail.json';
import service_goodreads from './services/goodreads.json';
import service_google_analytics from './services/google-analytics.json';
import service_google_calendar from './services/google-calendar.json';
import service_google_chat from './services/google-chat.json';
import service_google_classroom from './services/google-classroom.json';
import service_google_contacts from './services/google-contacts.json';
import service_google_docs from './services/google-docs.json';
import service_google_drive from './services/google-drive.json';
import service_google_forms from './services/google-forms.json';
import service_google_groups from './services/google-groups.json';
import service_google_keep from './services/google-keep.json';
import service_google_maps from './services/google-maps.json';
import service_google_meet from './services/google-meet.json';
import service_google_news from './services/google-news.json';
import service_google_photos from './services/google-photos.json';
import service_google_search from './services/google-search.json';
import service_google_sheets from './services/google-sheets.json';
import service_google_sites from './services/google-sites.json';
import service_google_slides from './services/google-slides.json';
import service_google_tasks from './services/google-tasks.json';
import service_google_translate from './services/google-translate.json';
import service_icloud_calendar from './services/icloud-calendar.json';
import service_icloud_contacts from './services/icloud-contacts.json';
import service_icloud_drive from './services/icloud-drive.json';
import service_icloud_keynote from './services/icloud-keynote.json';
import service_icloud_mail from './services/icloud-mail.json';
import service_icloud_notes from './services/icloud-notes.json';
import service_icloud_numbers from './services/icloud-numbers.json';
import service_icloud_pages from './services/icloud-pages.json';
import service_instagram from './services/instagram.json';
import service_linkedin from './services/linkedin.json';
import service_mailchimp from './services/mailchimp.json';
import service_medium from './services/medium.json';
import service_meetup from './services/meetup.json';
import service_messenger from './services/messenger.json';
import service_microsoft_365 from './services/microsoft-365.json';
import service_microsoft_excel from './services/microsoft-excel.json';
import service_microsoft_forms from './services/microsoft-forms.json';
import service_microsoft_loop from './services/microsoft-loop.json';
import service_microsoft_planner from './services/microsoft-planner.json';
import service_microsoft_powerpoint from './services/microsoft-powerpoint.json';
import service_microsoft_teams from './services/microsoft-teams.json';
import service_microsoft_todo from './services/microsoft-todo.json';
import service_microsoft_word from './services/microsoft-word.json';
import service_notion from './services/notion.json';
import service_onedrive from './services/onedrive.json';
import service_onenote from './services/onenote.json';
import service_outlook_calendar from './services/outlook-calendar.json';
import service_outlook from './services/outlook.json';
import service_pastebin from './services/pastebin.json';
import service_pinterest from './services/pinterest.json';
import service_reddit from './services/reddit.json';
import service_sharepoint from './services/sharepoint.json';
import service_slack from './services/slack.json';
import service_spotify from './services/spotify.json';
import service_squarespace from './services/squarespace.json';
import service_substack from './services/substack.json';
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
import service_wix from './services/wix.json';
import service_yahoo_mail from './services/yahoo-mail.json';
import service_youtube_music from './services/youtube-music.json';
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
    software_discourse,
    software_easy_appointments,
    software_element_matrix,
    software_email_server,
    software_ethercalc,
    software_etherpad,
    software_forgejo,
    software_framadate,
    software_freshrss,
    software_friendica,
    software_funkwhale,
    software_galene,
    software_ghost,
    software_gitea,
    software_gitlab,
    software_hedgedoc,
    software_inventaire,
    software_jitsi_meet,
    software_kanboard,
    software_lemmy,
    software_libreto,
    software_libretranslate,
    software_limesurvey,
    software_listmonk,
    software_lstu,
    software_lufi,
    software_mailman,
    software_mastodon,
    software_matomo,
    software_mattermost,
    software_mediaspip,
    software_mobilizon,
    software_moodle,
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
    software_spip,
    software_strut,
    software_sympa,
    software_umap,
    software_vikunja,
    software_wekan,
    software_wordpress,
    software_writefreely,
    software_xmpp,
    software_yakforms,
    software_yourls,
  ],
  services: [
    service_amazon_photos,
    service_apple_music,
    service_asana,
    service_bing,
    service_bitly,
    service_blogger,
    service_calendly,
    service_deepl,
    service_discord,
    service_doodle,
    service_dropbox,
    service_eventbrite,
    service_facebook_events,
    service_facebook_groups,
    service_facebook,
    service_facetime,
    service_flickr,
    service_github,
    service_gmail,
    service_goodreads,
    service_google_analytics,
    service_google_calendar,
    service_google_chat,
    service_google_classroom,
    service_google_contacts,
    service_google_docs,
    service_google_drive,
    service_google_forms,
    service_google_groups,
    service_google_keep,
    service_google_maps,
    service_google_meet,
    service_google_news,
    service_google_photos,
    service_google_search,
    service_google_sheets,
    service_google_sites,
    service_google_slides,
    service_google_tasks,
    service_google_translate,
    service_icloud_calendar,
    service_icloud_contacts,
    service_icloud_drive,
    service_icloud_keynote,
    service_icloud_mail,
    service_icloud_notes,
    service_icloud_numbers,
    service_icloud_pages,
    service_instagram,
    service_linkedin,
    service_mailchimp,
    service_medium,
    service_meetup,
    service_messenger,
    service_microsoft_365,
    service_microsoft_excel,
    service_microsoft_forms,
    service_microsoft_loop,
    service_microsoft_planner,
    service_microsoft_powerpoint,
    service_microsoft_teams,
    service_microsoft_todo,
    service_microsoft_word,
    service_notion,
    service_onedrive,
    service_onenote,
    service_outlook_calendar,
    service_outlook,
    service_pastebin,
    service_pinterest,
    service_reddit,
    service_sharepoint,
    service_slack,
    service_spotify,
    service_squarespace,
    service_substack,
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
    service_wix,
    service_yahoo_mail,
    service_youtube_music,
    service_youtube,
    service_zoom,
  ],
};
