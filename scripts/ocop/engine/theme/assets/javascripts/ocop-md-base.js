// Material for MkDocs 9.8, templates/partials/javascripts/base.html: the script Material writes inline, here
// as a file so that the Content-Security-Policy refuses every inline script (engine/theme/partials/javascripts/).
// The scope comes from the script element's data-md-scope instead of the script's text.
__md_scope=new URL(document.currentScript.getAttribute("data-md-scope"),location),__md_hash=e=>[...e].reduce(((e,_)=>(e<<5)-e+_.charCodeAt(0)),0),__md_get=(e,_=localStorage,t=__md_scope)=>JSON.parse(_.getItem(t.pathname+"."+e)),__md_set=(e,_,t=localStorage,a=__md_scope)=>{try{t.setItem(a.pathname+"."+e,JSON.stringify(_))}catch(e){}}
