document.addEventListener('DOMContentLoaded',function(){var m=document.querySelector('.main-menu');if(m){m.classList.add('ready');}});
