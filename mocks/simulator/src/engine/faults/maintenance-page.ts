/**
 * The HTML page government portals put in front of their APIs during «технические работы».
 * Clients that expect JSON get this (sometimes with status 200), so it is worth reproducing as is.
 */
export function maintenancePage(until: Date): string {
  const time = until.toISOString().slice(11, 16);
  return `<!DOCTYPE html>
<html lang="ru">
<head>
<meta charset="utf-8">
<title>Технические работы</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{font-family:Lato,Arial,sans-serif;color:#0b1f33;text-align:center;padding:64px 16px}h1{font-size:32px}</style>
</head>
<body>
<h1>Технические работы</h1>
<p>Сервис временно недоступен. Мы проводим плановые технические работы, чтобы сделать портал лучше.</p>
<p>Ориентировочное время окончания работ — ${time} (UTC). Приносим извинения за неудобства.</p>
</body>
</html>
`;
}

/** nginx-style gateway error pages as real front proxies send them. */
export function gatewayPage(status: 502 | 503 | 504): string {
  const title =
    status === 502 ? 'Bad Gateway' : status === 503 ? 'Service Temporarily Unavailable' : 'Gateway Time-out';
  return `<html>\r\n<head><title>${status} ${title}</title></head>\r\n<body>\r\n<center><h1>${status} ${title}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`;
}
