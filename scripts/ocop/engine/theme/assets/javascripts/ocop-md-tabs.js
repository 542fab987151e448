// Material for MkDocs 9.8, templates/partials/javascripts/content.html (feature content.tabs.link): the
// script Material writes inline, here as a file so that the Content-Security-Policy refuses every inline
// script (engine/theme/partials/javascripts/).
var tabs=__md_get("__tabs");if(Array.isArray(tabs))e:for(var set of document.querySelectorAll(".tabbed-set")){var labels=set.querySelector(".tabbed-labels");for(var tab of tabs)for(var label of labels.getElementsByTagName("label"))if(label.innerText.trim()===tab){var input=document.getElementById(label.htmlFor);input.checked=!0;continue e}}
