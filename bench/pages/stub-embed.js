// Stands in for dist/review-widgets.js on /index-noembed.html: the page's own script
// (demo/listing.js) reads window.ReviewWidgets at start-up and must run as usual.
window.ReviewWidgets = { configure() {}, addMessages() {} };
