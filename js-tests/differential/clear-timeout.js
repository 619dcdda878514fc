// What clearTimeout leaves on a timer, where Node 0.7 and today's Node
// agree: _idleTimeout -1, _onTimeout null, the list links null; a cleared
// timer or interval never fires. (On a timer that already fired they
// differ: 0.7 sets _idleTimeout -1 there too, today's Node leaves it.)
function show(name, t) {
  console.log(name, t._idleTimeout, t._onTimeout, t._idleNext, t._idlePrev);
}
var t = setTimeout(function () { console.log('cleared timeout fired'); }, 50);
clearTimeout(t);
show('timeout', t);
var i = setInterval(function () { console.log('cleared interval fired'); }, 50);
clearInterval(i);
show('interval', i);
