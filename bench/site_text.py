"""Natural-language text for the generated benchmark site (``bench/make_site.py``).

Per locale: a pool of sentences (technical-documentation prose without code, links or
numbers, so that the generator can insert those as the same anchors in every locale),
short phrases (headings, link texts, table cells) and the table header.

* de, fr, ja, pt-BR, ru: the sentences are those of the lab page of that language in
  ``corpus/<lang>/build-the-image.md`` (split into sentences, Markdown stripped;
  sentences with code spans, numbers or URLs left out).
* every other locale: a built-in pool of 15 short Docker/CLI tutorial sentences.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

CORPUS = Path(__file__).resolve().parent.parent / "corpus"

CORPUS_DIR = {"de": "de", "fr": "fr", "ja": "ja", "pt-BR": "pt", "ru": "ru"}
"""Locales whose sentences come from the lab page in ``corpus/``, and its folder."""

NO_SPACES = frozenset({"ja", "zh-Hans", "zh-Hant"})
"""Locales written without spaces between words (sentences are joined without one)."""

SENTENCES: dict[str, tuple[str, ...]] = {
    "es": (
        "Para crear la imagen, abra una terminal en la carpeta del proyecto.",
        "El contenedor se detiene en cuanto termina el proceso principal.",
        "Cada instrucción del archivo crea una nueva capa en la imagen.",
        "Compruebe que el servicio responde antes de continuar con el siguiente paso.",
        "Las capas que no cambian se reutilizan desde la caché de compilación.",
        "Puede publicar la imagen en un registro privado para compartirla con su equipo.",
        "Si el puerto ya está ocupado, elija otro y vuelva a ejecutar el comando.",
        "Los volúmenes conservan los datos aunque el contenedor se elimine.",
        "Esta guía explica cómo desplegar la aplicación en varios servidores.",
        "Antes de empezar, asegúrese de tener instalada la última versión de Docker.",
        "La red predeterminada permite que los contenedores se comuniquen entre sí.",
        "Use etiquetas claras para distinguir las distintas versiones de la imagen.",
        "El registro muestra los mensajes de error del último arranque.",
        "Cuando termine, elimine los contenedores que ya no necesite.",
        "Las variables de entorno permiten cambiar la configuración sin reconstruir la imagen.",
    ),
    "it": (
        "Per creare l'immagine, apri un terminale nella cartella del progetto.",
        "Il container si arresta non appena termina il processo principale.",
        "Ogni istruzione del file crea un nuovo livello nell'immagine.",
        "Verifica che il servizio risponda prima di passare al passaggio successivo.",
        "I livelli che non cambiano vengono riutilizzati dalla cache di compilazione.",
        "Puoi pubblicare l'immagine in un registro privato per condividerla con il tuo team.",
        "Se la porta è già occupata, scegline un'altra ed esegui di nuovo il comando.",
        "I volumi conservano i dati anche quando il container viene eliminato.",
        "Questa guida spiega come distribuire l'applicazione su più server.",
        "Prima di iniziare, assicurati di avere installato l'ultima versione di Docker.",
        "La rete predefinita permette ai container di comunicare tra loro.",
        "Usa tag chiari per distinguere le diverse versioni dell'immagine.",
        "I log mostrano i messaggi di errore dell'ultimo avvio.",
        "Quando hai finito, elimina i container che non ti servono più.",
        "Le variabili d'ambiente permettono di cambiare la configurazione senza ricostruire l'immagine.",
    ),
    "ko": (
        "이미지를 빌드하려면 프로젝트 폴더에서 터미널을 여세요.",
        "주 프로세스가 끝나면 컨테이너도 바로 중지됩니다.",
        "파일의 각 명령은 이미지에 새 레이어를 만듭니다.",
        "다음 단계로 넘어가기 전에 서비스가 응답하는지 확인하세요.",
        "변경되지 않은 레이어는 빌드 캐시에서 다시 사용됩니다.",
        "이미지를 비공개 레지스트리에 게시하면 팀과 공유할 수 있습니다.",
        "포트가 이미 사용 중이면 다른 포트를 선택하고 명령을 다시 실행하세요.",
        "볼륨은 컨테이너를 삭제한 뒤에도 데이터를 보존합니다.",
        "이 가이드는 여러 서버에 애플리케이션을 배포하는 방법을 설명합니다.",
        "시작하기 전에 최신 버전의 Docker가 설치되어 있는지 확인하세요.",
        "기본 네트워크를 사용하면 컨테이너끼리 서로 통신할 수 있습니다.",
        "이미지의 여러 버전을 구분할 수 있도록 명확한 태그를 사용하세요.",
        "로그에는 마지막으로 시작할 때 발생한 오류 메시지가 표시됩니다.",
        "작업이 끝나면 더 이상 필요 없는 컨테이너를 삭제하세요.",
        "환경 변수를 사용하면 이미지를 다시 빌드하지 않고도 설정을 바꿀 수 있습니다.",
    ),
    "zh-Hans": (
        "要构建镜像，请在项目文件夹中打开终端。",
        "主进程结束后，容器也会立即停止。",
        "文件中的每条指令都会在镜像中创建一个新层。",
        "在进入下一步之前，请确认服务已经正常响应。",
        "没有变化的层会直接从构建缓存中复用。",
        "你可以把镜像发布到私有仓库，与团队成员共享。",
        "如果端口已被占用，请换一个端口，然后重新运行命令。",
        "即使删除了容器，卷中的数据仍然会保留。",
        "本指南介绍如何将应用程序部署到多台服务器上。",
        "开始之前，请确保已经安装了最新版本的 Docker。",
        "默认网络允许容器之间相互通信。",
        "请使用清晰的标签来区分镜像的不同版本。",
        "日志会显示上次启动时的错误信息。",
        "完成后，请删除不再需要的容器。",
        "通过环境变量可以修改配置，而无需重新构建镜像。",
    ),
    "zh-Hant": (
        "要建置映像檔，請在專案資料夾中開啟終端機。",
        "主程序結束後，容器也會立即停止。",
        "檔案中的每一條指令都會在映像檔中建立新的一層。",
        "進入下一步之前，請確認服務已經正常回應。",
        "沒有變更的層會直接從建置快取中重複使用。",
        "你可以將映像檔發佈到私人登錄庫，與團隊成員共用。",
        "如果連接埠已被占用，請改用其他連接埠，然後重新執行命令。",
        "即使刪除了容器，磁碟區中的資料仍會保留。",
        "本指南說明如何將應用程式部署到多台伺服器上。",
        "開始之前，請確認已安裝最新版本的 Docker。",
        "預設網路讓容器之間可以互相通訊。",
        "請使用清楚的標籤來區分映像檔的不同版本。",
        "記錄檔會顯示上次啟動時的錯誤訊息。",
        "完成後，請刪除不再需要的容器。",
        "透過環境變數可以修改設定，而不必重新建置映像檔。",
    ),
    "pt-PT": (
        "Para criar a imagem, abra um terminal na pasta do projeto.",
        "O contentor para assim que o processo principal termina.",
        "Cada instrução do ficheiro cria uma nova camada na imagem.",
        "Confirme que o serviço responde antes de passar ao passo seguinte.",
        "As camadas que não mudam são reutilizadas a partir da cache de compilação.",
        "Pode publicar a imagem num registo privado para a partilhar com a sua equipa.",
        "Se a porta já estiver ocupada, escolha outra e volte a executar o comando.",
        "Os volumes guardam os dados mesmo depois de o contentor ser eliminado.",
        "Este guia explica como implementar a aplicação em vários servidores.",
        "Antes de começar, certifique-se de que tem instalada a versão mais recente do Docker.",
        "A rede predefinida permite que os contentores comuniquem entre si.",
        "Utilize etiquetas claras para distinguir as diferentes versões da imagem.",
        "O registo mostra as mensagens de erro do último arranque.",
        "Quando terminar, elimine os contentores de que já não precisa.",
        "As variáveis de ambiente permitem alterar a configuração sem reconstruir a imagem.",
    ),
    "nl": (
        "Open een terminal in de projectmap om de image te bouwen.",
        "De container stopt zodra het hoofdproces is afgelopen.",
        "Elke instructie in het bestand maakt een nieuwe laag in de image.",
        "Controleer of de service reageert voordat u verdergaat met de volgende stap.",
        "Lagen die niet veranderen, worden opnieuw gebruikt uit de buildcache.",
        "U kunt de image publiceren in een privéregister om hem met uw team te delen.",
        "Als de poort al bezet is, kiest u een andere en voert u de opdracht opnieuw uit.",
        "Volumes bewaren de gegevens, ook als de container wordt verwijderd.",
        "Deze handleiding legt uit hoe u de toepassing op meerdere servers uitrolt.",
        "Zorg ervoor dat de nieuwste versie van Docker is geïnstalleerd voordat u begint.",
        "Via het standaardnetwerk kunnen de containers met elkaar communiceren.",
        "Gebruik duidelijke tags om de verschillende versies van de image te onderscheiden.",
        "Het logboek toont de foutmeldingen van de laatste keer dat de service is gestart.",
        "Verwijder de containers die u niet meer nodig hebt wanneer u klaar bent.",
        "Met omgevingsvariabelen wijzigt u de configuratie zonder de image opnieuw te bouwen.",
    ),
    "pl": (
        "Aby zbudować obraz, otwórz terminal w folderze projektu.",
        "Kontener zatrzymuje się, gdy tylko zakończy się główny proces.",
        "Każda instrukcja w pliku tworzy nową warstwę obrazu.",
        "Sprawdź, czy usługa odpowiada, zanim przejdziesz do następnego kroku.",
        "Warstwy, które się nie zmieniają, są ponownie używane z pamięci podręcznej.",
        "Możesz opublikować obraz w prywatnym rejestrze, aby udostępnić go zespołowi.",
        "Jeśli port jest już zajęty, wybierz inny i uruchom polecenie ponownie.",
        "Woluminy przechowują dane nawet po usunięciu kontenera.",
        "Ten przewodnik wyjaśnia, jak wdrożyć aplikację na kilku serwerach.",
        "Przed rozpoczęciem upewnij się, że masz zainstalowaną najnowszą wersję Dockera.",
        "Domyślna sieć pozwala kontenerom komunikować się ze sobą.",
        "Używaj czytelnych tagów, aby odróżnić kolejne wersje obrazu.",
        "Dziennik pokazuje komunikaty o błędach z ostatniego uruchomienia.",
        "Po zakończeniu pracy usuń kontenery, których już nie potrzebujesz.",
        "Zmienne środowiskowe pozwalają zmienić konfigurację bez ponownego budowania obrazu.",
    ),
    "tr": (
        "İmajı oluşturmak için proje klasöründe bir terminal açın.",
        "Ana süreç sona erdiğinde konteyner de durur.",
        "Dosyadaki her talimat imajda yeni bir katman oluşturur.",
        "Bir sonraki adıma geçmeden önce hizmetin yanıt verdiğini doğrulayın.",
        "Değişmeyen katmanlar derleme önbelleğinden yeniden kullanılır.",
        "İmajı ekibinizle paylaşmak için özel bir kayıt defterinde yayımlayabilirsiniz.",
        "Bağlantı noktası zaten kullanılıyorsa başka bir tane seçin ve komutu yeniden çalıştırın.",
        "Birimler, konteyner silinse bile verileri saklar.",
        "Bu kılavuz, uygulamanın birden fazla sunucuya nasıl dağıtılacağını açıklar.",
        "Başlamadan önce Docker'ın en son sürümünün kurulu olduğundan emin olun.",
        "Varsayılan ağ, konteynerlerin birbiriyle iletişim kurmasını sağlar.",
        "İmajın farklı sürümlerini ayırt etmek için anlaşılır etiketler kullanın.",
        "Günlük, son başlatmaya ait hata iletilerini gösterir.",
        "İşiniz bittiğinde artık ihtiyaç duymadığınız konteynerleri silin.",
        "Ortam değişkenleri, imajı yeniden oluşturmadan yapılandırmayı değiştirmenizi sağlar.",
    ),
    "uk": (
        "Щоб зібрати образ, відкрийте термінал у теці проєкту.",
        "Контейнер зупиняється, щойно завершується головний процес.",
        "Кожна інструкція у файлі створює новий шар образу.",
        "Перш ніж переходити до наступного кроку, переконайтеся, що служба відповідає.",
        "Шари, які не змінюються, повторно використовуються з кешу збирання.",
        "Ви можете опублікувати образ у приватному реєстрі, щоб поділитися ним із командою.",
        "Якщо порт уже зайнятий, виберіть інший і запустіть команду ще раз.",
        "Томи зберігають дані навіть після видалення контейнера.",
        "Цей посібник пояснює, як розгорнути застосунок на кількох серверах.",
        "Перед початком переконайтеся, що встановлено найновішу версію Docker.",
        "Типова мережа дозволяє контейнерам обмінюватися даними між собою.",
        "Використовуйте зрозумілі теги, щоб розрізняти версії образу.",
        "Журнал показує повідомлення про помилки з останнього запуску.",
        "Коли закінчите, видаліть контейнери, які вам більше не потрібні.",
        "Змінні середовища дають змогу змінити налаштування без повторного збирання образу.",
    ),
    "sv": (
        "Öppna en terminal i projektmappen för att bygga avbildningen.",
        "Containern stoppas så snart huvudprocessen har avslutats.",
        "Varje instruktion i filen skapar ett nytt lager i avbildningen.",
        "Kontrollera att tjänsten svarar innan du går vidare till nästa steg.",
        "Lager som inte ändras återanvänds från byggcachen.",
        "Du kan publicera avbildningen i ett privat register för att dela den med ditt team.",
        "Om porten redan används väljer du en annan och kör kommandot igen.",
        "Volymer behåller data även när containern tas bort.",
        "Den här guiden förklarar hur du distribuerar programmet på flera servrar.",
        "Kontrollera att den senaste versionen av Docker är installerad innan du börjar.",
        "Standardnätverket gör att containrarna kan kommunicera med varandra.",
        "Använd tydliga taggar för att skilja mellan olika versioner av avbildningen.",
        "Loggen visar felmeddelandena från den senaste starten.",
        "Ta bort de containrar som du inte längre behöver när du är klar.",
        "Med miljövariabler kan du ändra konfigurationen utan att bygga om avbildningen.",
    ),
    "cs": (
        "Chcete-li sestavit obraz, otevřete terminál ve složce projektu.",
        "Kontejner se zastaví, jakmile skončí hlavní proces.",
        "Každá instrukce v souboru vytvoří v obrazu novou vrstvu.",
        "Než přejdete k dalšímu kroku, ověřte, že služba odpovídá.",
        "Vrstvy, které se nemění, se znovu použijí z mezipaměti sestavení.",
        "Obraz můžete zveřejnit v soukromém registru a sdílet ho se svým týmem.",
        "Pokud je port už obsazený, zvolte jiný a spusťte příkaz znovu.",
        "Svazky uchovávají data i po odstranění kontejneru.",
        "Tento průvodce vysvětluje, jak nasadit aplikaci na více serverů.",
        "Než začnete, ujistěte se, že máte nainstalovanou nejnovější verzi Dockeru.",
        "Výchozí síť umožňuje kontejnerům vzájemně komunikovat.",
        "Používejte srozumitelné značky, abyste odlišili jednotlivé verze obrazu.",
        "Protokol zobrazuje chybové zprávy z posledního spuštění.",
        "Až budete hotovi, odstraňte kontejnery, které už nepotřebujete.",
        "Proměnné prostředí umožňují změnit konfiguraci bez nového sestavení obrazu.",
    ),
    "id": (
        "Untuk membuat image, buka terminal di folder proyek.",
        "Kontainer akan berhenti segera setelah proses utama selesai.",
        "Setiap instruksi dalam berkas membuat lapisan baru pada image.",
        "Pastikan layanan sudah merespons sebelum melanjutkan ke langkah berikutnya.",
        "Lapisan yang tidak berubah akan digunakan kembali dari cache build.",
        "Anda dapat menerbitkan image ke registri pribadi agar bisa dibagikan dengan tim Anda.",
        "Jika port sudah dipakai, pilih port lain lalu jalankan kembali perintahnya.",
        "Volume tetap menyimpan data meskipun kontainer sudah dihapus.",
        "Panduan ini menjelaskan cara menerapkan aplikasi ke beberapa server.",
        "Sebelum memulai, pastikan versi terbaru Docker sudah terpasang.",
        "Jaringan bawaan memungkinkan kontainer saling berkomunikasi.",
        "Gunakan tag yang jelas untuk membedakan setiap versi image.",
        "Log menampilkan pesan kesalahan dari proses mulai terakhir.",
        "Setelah selesai, hapus kontainer yang tidak lagi Anda perlukan.",
        "Variabel lingkungan memungkinkan Anda mengubah konfigurasi tanpa membangun ulang image.",
    ),
    "vi": (
        "Để tạo image, hãy mở terminal trong thư mục dự án.",
        "Container sẽ dừng ngay khi tiến trình chính kết thúc.",
        "Mỗi lệnh trong tệp sẽ tạo một lớp mới trong image.",
        "Hãy kiểm tra dịch vụ đã phản hồi trước khi chuyển sang bước tiếp theo.",
        "Các lớp không thay đổi sẽ được dùng lại từ bộ nhớ đệm.",
        "Bạn có thể đăng image lên một kho riêng để chia sẻ với nhóm của mình.",
        "Nếu cổng đã được sử dụng, hãy chọn cổng khác và chạy lại lệnh.",
        "Ổ dữ liệu vẫn giữ lại dữ liệu ngay cả khi container bị xóa.",
        "Hướng dẫn này giải thích cách triển khai ứng dụng trên nhiều máy chủ.",
        "Trước khi bắt đầu, hãy đảm bảo bạn đã cài đặt phiên bản Docker mới nhất.",
        "Mạng mặc định cho phép các container giao tiếp với nhau.",
        "Hãy dùng nhãn rõ ràng để phân biệt các phiên bản khác nhau của image.",
        "Nhật ký hiển thị các thông báo lỗi của lần khởi động gần nhất.",
        "Khi hoàn tất, hãy xóa những container mà bạn không còn cần nữa.",
        "Biến môi trường cho phép thay đổi cấu hình mà không cần dựng lại image.",
    ),
    "th": (
        "หากต้องการสร้างอิมเมจ ให้เปิดเทอร์มินัลในโฟลเดอร์ของโปรเจกต์",
        "คอนเทนเนอร์จะหยุดทำงานทันทีเมื่อโปรเซสหลักสิ้นสุดลง",
        "คำสั่งแต่ละบรรทัดในไฟล์จะสร้างเลเยอร์ใหม่ในอิมเมจ",
        "ตรวจสอบว่าบริการตอบสนองแล้วก่อนไปยังขั้นตอนถัดไป",
        "เลเยอร์ที่ไม่มีการเปลี่ยนแปลงจะถูกนำกลับมาใช้จากแคช",
        "คุณสามารถเผยแพร่อิมเมจไปยังรีจิสทรีส่วนตัวเพื่อแชร์กับทีมของคุณ",
        "หากพอร์ตถูกใช้งานอยู่แล้ว ให้เลือกพอร์ตอื่นแล้วเรียกใช้คำสั่งอีกครั้ง",
        "วอลุ่มจะเก็บข้อมูลไว้แม้ว่าคอนเทนเนอร์จะถูกลบไปแล้ว",
        "คู่มือนี้อธิบายวิธีปรับใช้แอปพลิเคชันบนเซิร์ฟเวอร์หลายเครื่อง",
        "ก่อนเริ่มต้น โปรดตรวจสอบว่าได้ติดตั้ง Docker เวอร์ชันล่าสุดแล้ว",
        "เครือข่ายเริ่มต้นช่วยให้คอนเทนเนอร์สื่อสารกันได้",
        "ใช้แท็กที่ชัดเจนเพื่อแยกแยะอิมเมจแต่ละเวอร์ชัน",
        "บันทึกจะแสดงข้อความแสดงข้อผิดพลาดจากการเริ่มทำงานครั้งล่าสุด",
        "เมื่อเสร็จแล้ว ให้ลบคอนเทนเนอร์ที่ไม่จำเป็นต้องใช้อีกต่อไป",
        "ตัวแปรสภาพแวดล้อมช่วยให้เปลี่ยนการกำหนดค่าได้โดยไม่ต้องสร้างอิมเมจใหม่",
    ),
    "ar": (
        "لإنشاء الصورة، افتح نافذة الطرفية في مجلد المشروع.",
        "تتوقف الحاوية بمجرد انتهاء العملية الرئيسية.",
        "كل تعليمة في الملف تنشئ طبقة جديدة في الصورة.",
        "تأكد من أن الخدمة تستجيب قبل الانتقال إلى الخطوة التالية.",
        "يُعاد استخدام الطبقات التي لم تتغير من ذاكرة التخزين المؤقت.",
        "يمكنك نشر الصورة في سجل خاص لمشاركتها مع فريقك.",
        "إذا كان المنفذ مستخدمًا بالفعل، فاختر منفذًا آخر وشغّل الأمر مرة أخرى.",
        "تحتفظ وحدات التخزين بالبيانات حتى بعد حذف الحاوية.",
        "يشرح هذا الدليل كيفية نشر التطبيق على عدة خوادم.",
        "قبل البدء، تأكد من تثبيت أحدث إصدار من Docker.",
        "تسمح الشبكة الافتراضية للحاويات بالتواصل فيما بينها.",
        "استخدم وسومًا واضحة للتمييز بين إصدارات الصورة المختلفة.",
        "يعرض السجل رسائل الخطأ الخاصة بآخر تشغيل.",
        "عند الانتهاء، احذف الحاويات التي لم تعد بحاجة إليها.",
        "تتيح متغيرات البيئة تغيير الإعدادات دون إعادة بناء الصورة.",
    ),
    "he": (
        "כדי לבנות את התמונה, פתחו חלון מסוף בתיקיית הפרויקט.",
        "הקונטיינר נעצר מיד כשהתהליך הראשי מסתיים.",
        "כל הוראה בקובץ יוצרת שכבה חדשה בתמונה.",
        "ודאו שהשירות מגיב לפני שתמשיכו לשלב הבא.",
        "שכבות שלא השתנו נלקחות שוב מזיכרון המטמון של הבנייה.",
        "אפשר לפרסם את התמונה במאגר פרטי כדי לשתף אותה עם הצוות.",
        "אם הפורט כבר תפוס, בחרו פורט אחר והריצו את הפקודה שוב.",
        "אמצעי האחסון שומרים את הנתונים גם אחרי שהקונטיינר נמחק.",
        "המדריך הזה מסביר איך לפרוס את האפליקציה על כמה שרתים.",
        "לפני שמתחילים, ודאו שהגרסה העדכנית של Docker מותקנת.",
        "הרשת שמוגדרת כברירת מחדל מאפשרת לקונטיינרים לתקשר זה עם זה.",
        "השתמשו בתגים ברורים כדי להבחין בין הגרסאות של התמונה.",
        "היומן מציג את הודעות השגיאה מההפעלה האחרונה.",
        "בסיום, מחקו את הקונטיינרים שכבר אין בהם צורך.",
        "משתני סביבה מאפשרים לשנות את ההגדרות בלי לבנות את התמונה מחדש.",
    ),
    "hi": (
        "इमेज बनाने के लिए प्रोजेक्ट फ़ोल्डर में एक टर्मिनल खोलें।",
        "मुख्य प्रक्रिया खत्म होते ही कंटेनर भी रुक जाता है।",
        "फ़ाइल का हर निर्देश इमेज में एक नई परत बनाता है।",
        "अगले चरण पर जाने से पहले जाँच लें कि सेवा जवाब दे रही है।",
        "जो परतें नहीं बदलतीं, उन्हें बिल्ड कैश से दोबारा इस्तेमाल किया जाता है।",
        "आप अपनी टीम के साथ साझा करने के लिए इमेज को निजी रजिस्ट्री में प्रकाशित कर सकते हैं।",
        "अगर पोर्ट पहले से इस्तेमाल में है, तो दूसरा पोर्ट चुनें और कमांड फिर से चलाएँ।",
        "कंटेनर हटाने के बाद भी वॉल्यूम में डेटा सुरक्षित रहता है।",
        "यह गाइड बताती है कि ऐप्लिकेशन को कई सर्वरों पर कैसे तैनात करें।",
        "शुरू करने से पहले पक्का करें कि Docker का नवीनतम संस्करण इंस्टॉल है।",
        "डिफ़ॉल्ट नेटवर्क कंटेनरों को आपस में बात करने देता है।",
        "इमेज के अलग-अलग संस्करण पहचानने के लिए साफ़ टैग इस्तेमाल करें।",
        "लॉग में पिछली बार शुरू होने के समय की त्रुटियाँ दिखती हैं।",
        "काम पूरा होने पर वे कंटेनर हटा दें जिनकी अब ज़रूरत नहीं है।",
        "एनवायरनमेंट वेरिएबल से आप इमेज दोबारा बनाए बिना सेटिंग बदल सकते हैं।",
    ),
    "fi": (
        "Avaa pääte projektikansiossa, kun haluat rakentaa levykuvan.",
        "Kontti pysähtyy heti, kun pääprosessi päättyy.",
        "Jokainen tiedoston ohje luo levykuvaan uuden kerroksen.",
        "Varmista ennen seuraavaan vaiheeseen siirtymistä, että palvelu vastaa.",
        "Muuttumattomat kerrokset käytetään uudelleen koontivälimuistista.",
        "Voit julkaista levykuvan yksityiseen rekisteriin ja jakaa sen tiimisi kanssa.",
        "Jos portti on jo käytössä, valitse toinen portti ja suorita komento uudelleen.",
        "Taltiot säilyttävät tiedot, vaikka kontti poistettaisiin.",
        "Tämä opas kertoo, miten sovellus otetaan käyttöön useilla palvelimilla.",
        "Varmista ennen aloittamista, että Dockerin uusin versio on asennettu.",
        "Oletusverkon avulla kontit voivat viestiä keskenään.",
        "Käytä selkeitä tunnisteita, jotta levykuvan eri versiot erottuvat toisistaan.",
        "Loki näyttää edellisen käynnistyksen virheilmoitukset.",
        "Kun olet valmis, poista kontit, joita et enää tarvitse.",
        "Ympäristömuuttujien avulla voit muuttaa asetuksia rakentamatta levykuvaa uudelleen.",
    ),
}

PHRASES: dict[str, tuple[str, ...]] = {
    "de": ("Das Image erstellen", "Einen Container starten", "Der Schichtcache", "Ports freigeben",
           "Dauerhafte Volumes", "Private Registry", "Netzwerkeinstellungen", "Den Dienst bereitstellen",
           "Nächste Schritte", "Fehlerbehebung"),
    "fr": ("Créer l'image", "Lancer un conteneur", "Le cache des couches", "Publier les ports",
           "Volumes persistants", "Registre privé", "Paramètres réseau", "Déployer le service",
           "Étapes suivantes", "Dépannage"),
    "ja": ("イメージの構築", "コンテナーの実行", "レイヤーキャッシュ", "ポートの公開", "永続ボリューム",
           "プライベートレジストリ", "ネットワーク設定", "サービスのデプロイ", "次のステップ",
           "トラブルシューティング"),
    "pt-BR": ("Criar a imagem", "Executar um contêiner", "Cache de camadas", "Publicar portas",
              "Volumes persistentes", "Registro privado", "Configurações de rede", "Implantar o serviço",
              "Próximas etapas", "Solução de problemas"),
    "ru": ("Сборка образа", "Запуск контейнера", "Кэш слоёв", "Публикация портов", "Постоянные тома",
           "Частный реестр", "Настройки сети", "Развёртывание службы", "Дальнейшие шаги",
           "Устранение неполадок"),
    "es": ("Crear la imagen", "Ejecutar un contenedor", "Caché de capas", "Publicar puertos",
           "Volúmenes persistentes", "Registro privado", "Configuración de red", "Desplegar el servicio",
           "Próximos pasos", "Solución de problemas"),
    "it": ("Creare l'immagine", "Avviare un container", "Cache dei livelli", "Pubblicare le porte",
           "Volumi persistenti", "Registro privato", "Impostazioni di rete", "Distribuire il servizio",
           "Passaggi successivi", "Risoluzione dei problemi"),
    "ko": ("이미지 빌드", "컨테이너 실행", "레이어 캐시", "포트 게시", "영구 볼륨", "비공개 레지스트리",
           "네트워크 설정", "서비스 배포", "다음 단계", "문제 해결"),
    "zh-Hans": ("构建镜像", "运行容器", "层缓存", "发布端口", "持久卷", "私有仓库", "网络设置", "部署服务",
                "后续步骤", "故障排除"),
    "zh-Hant": ("建置映像檔", "執行容器", "層快取", "發佈連接埠", "永續磁碟區", "私人登錄庫", "網路設定",
                "部署服務", "後續步驟", "疑難排解"),
    "pt-PT": ("Criar a imagem", "Executar um contentor", "Cache de camadas", "Publicar portas",
              "Volumes persistentes", "Registo privado", "Definições de rede", "Implementar o serviço",
              "Próximos passos", "Resolução de problemas"),
    "nl": ("De image bouwen", "Een container starten", "Laagcache", "Poorten publiceren", "Blijvende volumes",
           "Privéregister", "Netwerkinstellingen", "De service uitrollen", "Volgende stappen",
           "Problemen oplossen"),
    "pl": ("Budowanie obrazu", "Uruchamianie kontenera", "Pamięć podręczna warstw", "Publikowanie portów",
           "Trwałe woluminy", "Prywatny rejestr", "Ustawienia sieci", "Wdrażanie usługi", "Następne kroki",
           "Rozwiązywanie problemów"),
    "tr": ("İmajı oluşturma", "Konteyner çalıştırma", "Katman önbelleği", "Bağlantı noktalarını yayımlama",
           "Kalıcı birimler", "Özel kayıt defteri", "Ağ ayarları", "Hizmeti dağıtma", "Sonraki adımlar",
           "Sorun giderme"),
    "uk": ("Збирання образу", "Запуск контейнера", "Кеш шарів", "Публікація портів", "Постійні томи",
           "Приватний реєстр", "Налаштування мережі", "Розгортання служби", "Наступні кроки",
           "Усунення несправностей"),
    "sv": ("Bygga avbildningen", "Köra en container", "Lagercache", "Publicera portar", "Beständiga volymer",
           "Privat register", "Nätverksinställningar", "Distribuera tjänsten", "Nästa steg", "Felsökning"),
    "cs": ("Sestavení obrazu", "Spuštění kontejneru", "Mezipaměť vrstev", "Publikování portů", "Trvalé svazky",
           "Soukromý registr", "Nastavení sítě", "Nasazení služby", "Další kroky", "Řešení potíží"),
    "id": ("Membuat image", "Menjalankan kontainer", "Cache lapisan", "Membuka port", "Volume persisten",
           "Registri pribadi", "Pengaturan jaringan", "Menerapkan layanan", "Langkah berikutnya",
           "Pemecahan masalah"),
    "vi": ("Tạo image", "Chạy container", "Bộ nhớ đệm lớp", "Công bố cổng", "Ổ dữ liệu lâu dài", "Kho riêng",
           "Cài đặt mạng", "Triển khai dịch vụ", "Các bước tiếp theo", "Khắc phục sự cố"),
    "th": ("การสร้างอิมเมจ", "การเรียกใช้คอนเทนเนอร์", "แคชของเลเยอร์", "การเผยแพร่พอร์ต", "วอลุ่มถาวร",
           "รีจิสทรีส่วนตัว", "การตั้งค่าเครือข่าย", "การปรับใช้บริการ", "ขั้นตอนถัดไป", "การแก้ไขปัญหา"),
    "ar": ("إنشاء الصورة", "تشغيل حاوية", "ذاكرة الطبقات المؤقتة", "نشر المنافذ", "وحدات تخزين دائمة",
           "سجل خاص", "إعدادات الشبكة", "نشر الخدمة", "الخطوات التالية", "استكشاف الأخطاء وإصلاحها"),
    "he": ("בניית התמונה", "הפעלת קונטיינר", "מטמון השכבות", "פרסום פורטים", "אמצעי אחסון קבועים",
           "מאגר פרטי", "הגדרות רשת", "פריסת השירות", "השלבים הבאים", "פתרון בעיות"),
    "hi": ("इमेज बनाना", "कंटेनर चलाना", "परत कैश", "पोर्ट प्रकाशित करना", "स्थायी वॉल्यूम", "निजी रजिस्ट्री",
           "नेटवर्क सेटिंग", "सेवा तैनात करना", "अगले चरण", "समस्या निवारण"),
    "fi": ("Levykuvan rakentaminen", "Kontin suorittaminen", "Kerrosvälimuisti", "Porttien julkaiseminen",
           "Pysyvät taltiot", "Yksityinen rekisteri", "Verkkoasetukset", "Palvelun käyttöönotto",
           "Seuraavat vaiheet", "Vianmääritys"),
}

TABLE_HEADER: dict[str, tuple[str, str, str]] = {
    "de": ("Name", "Beschreibung", "Größe"), "fr": ("Nom", "Description", "Taille"),
    "ja": ("名前", "説明", "サイズ"), "pt-BR": ("Nome", "Descrição", "Tamanho"),
    "ru": ("Имя", "Описание", "Размер"), "es": ("Nombre", "Descripción", "Tamaño"),
    "it": ("Nome", "Descrizione", "Dimensione"), "ko": ("이름", "설명", "크기"),
    "zh-Hans": ("名称", "说明", "大小"), "zh-Hant": ("名稱", "說明", "大小"),
    "pt-PT": ("Nome", "Descrição", "Tamanho"), "nl": ("Naam", "Beschrijving", "Grootte"),
    "pl": ("Nazwa", "Opis", "Rozmiar"), "tr": ("Ad", "Açıklama", "Boyut"),
    "uk": ("Назва", "Опис", "Розмір"), "sv": ("Namn", "Beskrivning", "Storlek"),
    "cs": ("Název", "Popis", "Velikost"), "id": ("Nama", "Deskripsi", "Ukuran"),
    "vi": ("Tên", "Mô tả", "Kích thước"), "th": ("ชื่อ", "คำอธิบาย", "ขนาด"),
    "ar": ("الاسم", "الوصف", "الحجم"), "he": ("שם", "תיאור", "גודל"),
    "hi": ("नाम", "विवरण", "आकार"), "fi": ("Nimi", "Kuvaus", "Koko"),
}

_FENCE = re.compile(r"^```.*?^```[ \t]*$", re.M | re.S)
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_SPLIT = re.compile(r"(?<=[.!?])\s+(?=[^\sa-zà-ÿа-я])|(?<=[。！？])")
_CJK = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")
_BAD = re.compile(r"`|\d|https?:|\*\*|[<>|#{}\[\]]")


def corpus_sentences(text: str, cjk: bool = False) -> tuple[str, ...]:
    """The plain prose sentences of a Markdown page: no code, links kept as their text.

    Headings, code blocks, bold label lines, and sentences that hold code spans, numbers
    or URLs (they would be anchors of their own) are left out, as are fragments and the
    longest sentences (over 110 characters, 50 in Japanese: the built-in pools are
    short, and a German sentence five times the length of its Chinese counterpart would
    not be a translation of it).
    """
    text = _FENCE.sub("", text)
    out: list[str] = []
    for para in re.split(r"\n\s*\n", text):
        lines = [ln for ln in para.splitlines() if ln.strip() and not ln.lstrip().startswith(("#", "**", "|", ">"))]
        para = _LINK.sub(r"\1", " ".join(ln.strip().lstrip("-* ") for ln in lines))
        for s in _SPLIT.split(para):
            s = s.strip()
            if not s or _BAD.search(s) or s[-1] not in ".!?。！？" or re.match(r"\w\. ", s):
                continue  # code, numbers, URLs; "B. das ..." (the tail of "z. B.")
            if not cjk and _CJK.search(s):
                continue  # the lab pages' own drift: a sentence pasted in Chinese
            if cjk:
                if not 12 <= len(s) <= 50:
                    continue
            else:
                words = s.split()
                if not 6 <= len(words) <= 25 or len(s) > 110 or len(words[-1]) <= 3:  # "z. B.", "p. ex." fragments
                    continue
            if s not in out:
                out.append(s)
    return tuple(out)


def sentence(locale: str, idx: int) -> str:
    """Sentence ``idx`` of ``locale``: a translation of the same sentence in every locale.

    The built-in pools are parallel (the same index is the same sentence in every
    language). The lab pages' sentences are not, so for de, fr, ja, pt-BR and ru the
    sentence of the same relative length is taken instead (with the rest of ``idx``
    choosing among neighbours), so that a short sentence stays short in every locale.
    """
    n = len(SENTENCES["es"])
    j = idx % n
    if locale in SENTENCES:
        return SENTENCES[locale][j]
    pool = _by_length(locale)
    q = (_RANK[j] + (idx // n) % 100 / 100) / n
    return pool[int(q * len(pool))]


_RANK = {j: r for r, j in enumerate(sorted(range(len(SENTENCES["es"])), key=lambda j: len(SENTENCES["es"][j])))}


@lru_cache(maxsize=None)
def _by_length(locale: str) -> tuple[str, ...]:
    return tuple(sorted(sentences(locale), key=len))


@lru_cache(maxsize=None)
def sentences(locale: str) -> tuple[str, ...]:
    """The sentence pool of ``locale``."""
    if locale in CORPUS_DIR:
        text = (CORPUS / CORPUS_DIR[locale] / "build-the-image.md").read_text(encoding="utf-8")
        return corpus_sentences(text, cjk=locale in NO_SPACES)
    return SENTENCES[locale]
