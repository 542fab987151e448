// Material for MkDocs 9.8, templates/partials/javascripts/content.html: the script Material writes inline, here
// as a file so that the Content-Security-Policy refuses every inline script (engine/theme/partials/javascripts/).
var target=document.getElementById(location.hash.slice(1));target&&target.name&&(target.checked=target.name.startsWith("__tabbed_"))
