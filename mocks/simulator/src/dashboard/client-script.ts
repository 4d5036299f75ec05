/**
 * The dashboard's only JavaScript: buttons and forms marked `data-post` call the control API
 * with JSON and reload; a `#journal` table polls the journal every second. Rendering uses
 * textContent, so journal data can never inject markup.
 */
export const CLIENT_SCRIPT = `
(function(){
  function showError(text){var box=document.getElementById('error');box.textContent=text;box.style.display='block';}
  async function call(url,method,body){
    var init={method:method||'POST',headers:{'content-type':'application/json'}};
    if(body!==undefined)init.body=body;
    var res=await fetch(url,init);
    if(!res.ok){var payload=await res.json().catch(function(){return {message:res.statusText};});throw new Error(payload.message||res.statusText);}
    return res.json();
  }
  document.addEventListener('click',function(event){
    var button=event.target.closest('button[data-post]');
    if(!button)return;
    event.preventDefault();
    call(button.dataset.post,button.dataset.method,button.dataset.body).then(function(){location.reload();},function(e){showError(e.message);});
  });
  document.addEventListener('submit',function(event){
    var form=event.target;
    if(!form.dataset.post)return;
    event.preventDefault();
    var data={};
    new FormData(form).forEach(function(value,key){data[key]=value;});
    call(form.dataset.post,'POST',JSON.stringify(data)).then(function(){location.reload();},function(e){showError(e.message);});
  });
  var table=document.getElementById('journal');
  if(!table)return;
  var body=table.querySelector('tbody');
  var columns=['time','portal','operation','method','url','status','effects','durationMs'];
  async function poll(){
    try{
      var res=await fetch('/__goskit/journal?limit='+(table.dataset.limit||'50'),{cache:'no-store'});
      var payload=await res.json();
      var rows=document.createDocumentFragment();
      payload.entries.slice().reverse().forEach(function(entry){
        var tr=document.createElement('tr');
        columns.forEach(function(column){
          var td=document.createElement('td');
          var value=entry[column];
          if(column==='url')value=String(value).replace(location.origin,'');
          td.textContent=Array.isArray(value)?value.join(', '):column==='durationMs'?Number(value).toFixed(1):String(value);
          if(column==='status')td.className='s'+String(value).charAt(0);
          if(column==='url')td.className='mono';
          tr.appendChild(td);
        });
        rows.appendChild(tr);
      });
      body.replaceChildren(rows);
      document.getElementById('journal-total').textContent=String(payload.size);
    }catch(e){}
    setTimeout(poll,1000);
  }
  poll();
})();`;
