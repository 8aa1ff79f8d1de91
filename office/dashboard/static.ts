/** The dashboard's only CSS and JS, served as files so the CSP can forbid inline code. */
export const DASHBOARD_CSS = `
body{font-family:system-ui,"Segoe UI",Roboto,sans-serif;margin:0;color:#1a1a1a;font-size:16px}
header{background:#8b0000;color:#fff;padding:.5rem 1rem;display:flex;gap:1rem;align-items:center;flex-wrap:wrap}
header a,header button{color:#fff;background:none;border:0;font:inherit;cursor:pointer;text-decoration:underline}
header form{display:inline}
main{padding:1rem;max-width:1200px}
table{border-collapse:collapse;width:100%}
th,td{border:1px solid #ccc;padding:.35rem .5rem;text-align:left;vertical-align:top}
th{background:#f3f3f3}
tr.overdue td{background:#ffe0e0}
tr.overdue .remaining{color:#a00000;font-weight:bold}
td.receipt-unprinted{color:#a00000;font-weight:bold}
.notice{background:#fff6d5;border:1px solid #e0c050;padding:.5rem;margin:.5rem 0}
.error{background:#ffe0e0;border:1px solid #c00;padding:.5rem;margin:.5rem 0}
label{display:block;margin:.5rem 0}
input,select,textarea,button{font:inherit;padding:.3rem}
.chart{max-width:100%;height:auto}
@media print{header,form,button{display:none}}
`;

/** Counts down to each row's deadline; the page works without it (times are printed). */
export const DASHBOARD_JS = `
(function(){
  var overdueText=document.documentElement.getAttribute('data-overdue')||'Overdue';
  function tick(){
    var now=Date.now();
    document.querySelectorAll('[data-due]').forEach(function(el){
      var left=Number(el.getAttribute('data-due'))-now;
      var row=el.closest('tr');
      if(el.hasAttribute('data-resolved'))return;
      if(left<=0){el.textContent=overdueText;if(row)row.classList.add('overdue');return;}
      var m=Math.floor(left/60000),h=Math.floor(m/60);
      el.textContent=(h>0?h+' h ':'')+(m%60)+' min';
    });
  }
  tick();setInterval(tick,30000);
  document.querySelectorAll('[data-print]').forEach(function(b){b.addEventListener('click',function(){window.print();});});
})();
`;
