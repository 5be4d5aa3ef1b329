/* Before Decap CMS loads: desk.js registers the desk's formats, widgets and
   Vietnamese, then starts the CMS itself with the site's configuration. */
window.CMS_MANUAL_INIT = true;
