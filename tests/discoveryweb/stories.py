"""Invented party-building news for the discovery portals: headlines, leads, paragraphs, bylines.

Every sentence here is made up for the tests. A story is a topic template filled in with a
portal's place names and numbers, so that no two portals carry the same headline. ``story()``
gives a long item (lead and four or five paragraphs) or a short one (two or three sentences,
150-380 characters of body), as the portals mix them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

# Each topic: a headline, a lead, the paragraphs of a long item, and the sentences of a short one.
# Slots: {xa} a commune or ward, {noi} the district or city, {so} a number, {nam} a year.
TOPICS = [
    dict(
        title="Đại hội Chi bộ thôn {thon} xã {xa} nhiệm kỳ {nam}-{nam2} thành công tốt đẹp",
        lead="Sáng {ngay}, Chi bộ thôn {thon} thuộc Đảng bộ xã {xa} tổ chức đại hội điểm nhiệm kỳ {nam}-{nam2}, rút kinh nghiệm cho các chi bộ trực thuộc.",
        body=[
            "Chi bộ thôn {thon} hiện có {so} đảng viên, trong đó {so2} đảng viên được miễn sinh hoạt. Nhiệm kỳ qua, chi bộ lãnh đạo nhân dân chuyển đổi hơn {so3} ha đất lúa kém hiệu quả sang trồng cây ăn quả, thu nhập bình quân đầu người đạt {tien} triệu đồng mỗi năm.",
            "Báo cáo chính trị tại đại hội chỉ rõ những hạn chế trong sinh hoạt chi bộ: nội dung có lúc còn chung chung, việc phê bình và tự phê bình chưa thường xuyên. Đại hội đã dành nhiều thời gian thảo luận các giải pháp khắc phục.",
            "Phát biểu chỉ đạo, đồng chí Phó Bí thư Thường trực Đảng ủy xã {xa} đề nghị chi bộ tiếp tục đổi mới nội dung sinh hoạt, gắn nghị quyết của chi bộ với những việc cụ thể của từng hộ dân trong thôn.",
            "Đại hội đã bầu Chi ủy khóa mới gồm 3 đồng chí, bầu đồng chí Bí thư và Phó Bí thư chi bộ; đồng thời bầu đoàn đại biểu dự Đại hội Đảng bộ xã {xa} lần thứ {lan}.",
        ],
        short=[
            "Chi bộ thôn {thon}, xã {xa} vừa tổ chức đại hội nhiệm kỳ {nam}-{nam2} với sự tham dự của {so} đảng viên.",
            "Đại hội bầu Chi ủy gồm 3 đồng chí và thông qua nghị quyết với 5 chỉ tiêu chủ yếu cho nhiệm kỳ mới.",
        ],
    ),
    dict(
        title="Kết nạp {so} đảng viên mới trong {quy} tháng đầu năm {nam} tại {noi}",
        lead="Công tác phát triển đảng viên ở {noi} được các cấp ủy quan tâm chỉ đạo sát sao, chú trọng chất lượng hơn số lượng.",
        body=[
            "Theo Ban Tổ chức {cap}, từ đầu năm đến nay toàn Đảng bộ đã kết nạp {so} đảng viên, đạt {ti} phần trăm kế hoạch năm. Trong số đảng viên mới có {so2} đồng chí là đoàn viên thanh niên và {so3} đồng chí là người dân tộc thiểu số.",
            "Nhiều chi bộ thôn, bản trước đây chưa có đảng viên nay đã thành lập được tổ đảng. Các cấp ủy giao cho đảng viên có kinh nghiệm kèm cặp, giúp đỡ quần chúng ưu tú trong quá trình rèn luyện, phấn đấu.",
            "Lớp bồi dưỡng nhận thức về Đảng được tổ chức linh hoạt vào buổi tối và ngày nghỉ, thuận tiện cho người lao động ở khu công nghiệp tham gia học tập.",
            "Thời gian tới, {noi} tiếp tục rà soát nguồn quần chúng ưu tú trong doanh nghiệp ngoài nhà nước, lực lượng dân quân và chi hội trưởng các đoàn thể để tạo nguồn phát triển đảng viên.",
        ],
        short=[
            "Từ đầu năm {nam} đến nay, {noi} đã kết nạp {so} đảng viên mới, đạt {ti} phần trăm kế hoạch.",
            "Đảng viên mới phần lớn là đoàn viên thanh niên, dân quân và người lao động trong doanh nghiệp ngoài nhà nước.",
        ],
    ),
    dict(
        title="Ủy ban Kiểm tra {cap} kiểm tra dấu hiệu vi phạm đối với {so} tổ chức đảng",
        lead="Hoạt động kiểm tra, giám sát trong {quy} tháng qua được triển khai đồng bộ, góp phần giữ nghiêm kỷ luật, kỷ cương trong Đảng.",
        body=[
            "Ủy ban Kiểm tra {cap} đã kiểm tra khi có dấu hiệu vi phạm đối với {so} tổ chức đảng và {so2} đảng viên; giám sát chuyên đề {so3} chi bộ về việc thực hiện quy định những điều đảng viên không được làm.",
            "Qua kiểm tra, một số chi bộ còn chậm nộp đảng phí, sổ sách ghi chép chưa đầy đủ; có đảng viên chưa gương mẫu trong việc chấp hành chính sách về đất đai. Ủy ban đã yêu cầu các tổ chức đảng khắc phục trong tháng.",
            "Công tác tiếp nhận, giải quyết đơn thư được thực hiện đúng quy trình, không để tồn đọng, kéo dài. Cơ quan ủy ban kiểm tra cũng tăng cường phối hợp với thanh tra và kiểm toán trong trao đổi thông tin.",
            "Nhiệm vụ những tháng cuối năm là tập trung giám sát người đứng đầu cấp ủy trong việc kê khai tài sản, thu nhập và việc thực hiện các kết luận sau kiểm tra.",
        ],
        short=[
            "Ủy ban Kiểm tra {cap} vừa hoàn thành kiểm tra dấu hiệu vi phạm đối với {so} tổ chức đảng và {so2} đảng viên.",
            "Các tổ chức đảng được yêu cầu khắc phục những thiếu sót đã chỉ ra trước ngày 30 tháng này.",
        ],
    ),
    dict(
        title="{noi} học tập, quán triệt nghị quyết Hội nghị Trung ương cho cán bộ chủ chốt",
        lead="Hơn {so} cán bộ chủ chốt của {noi} dự hội nghị trực tiếp và trực tuyến đến các điểm cầu xã, thị trấn.",
        body=[
            "Tại hội nghị, báo cáo viên cấp tỉnh đã truyền đạt những nội dung cơ bản của các nghị quyết, kết luận mà Hội nghị Trung ương vừa ban hành, tập trung vào công tác cán bộ và đổi mới phương thức lãnh đạo của Đảng.",
            "Hội nghị yêu cầu mỗi cán bộ, đảng viên sau khi học tập phải viết bản thu hoạch, liên hệ với nhiệm vụ được giao; cấp ủy các chi bộ xây dựng chương trình hành động cụ thể, sát với thực tế địa phương.",
            "Việc học tập được kết hợp với ứng dụng công nghệ thông tin: tài liệu được số hóa để đảng viên đọc trên điện thoại, giảm đáng kể chi phí in ấn và thời gian đi lại.",
            "Ban Tuyên giáo {cap} sẽ tổ chức kiểm tra việc học tập nghị quyết tại một số chi bộ trong quý {quy2}.",
        ],
        short=[
            "Hơn {so} cán bộ chủ chốt của {noi} đã học tập, quán triệt nghị quyết Hội nghị Trung ương.",
            "Mỗi đảng viên viết bản thu hoạch, liên hệ với nhiệm vụ của mình; các chi bộ xây dựng chương trình hành động.",
        ],
    ),
    dict(
        title="Trao Huy hiệu 50 năm tuổi Đảng cho {so} đảng viên lão thành ở {noi}",
        lead="Nhân dịp kỷ niệm ngày thành lập Đảng, {noi} long trọng tổ chức lễ trao Huy hiệu Đảng cho các đảng viên cao tuổi Đảng.",
        body=[
            "Đợt này có {so} đồng chí được trao Huy hiệu 50 năm tuổi Đảng, {so2} đồng chí nhận Huy hiệu 40 năm và 30 năm tuổi Đảng. Nhiều đồng chí từng tham gia kháng chiến, nay vẫn tích cực trong công tác ở khu dân cư.",
            "Thay mặt các đảng viên được trao huy hiệu, đồng chí cựu chiến binh ở xã {xa} bày tỏ niềm tự hào và hứa sẽ tiếp tục là tấm gương để con cháu noi theo, tham gia xây dựng chi bộ trong sạch, vững mạnh.",
            "Lãnh đạo {cap} đã đến thăm hỏi, trao huy hiệu tại nhà riêng đối với những đảng viên tuổi cao, sức yếu không thể đến dự buổi lễ.",
            "Dịp này, {noi} cũng biểu dương các chi bộ có phong trào chăm lo đời sống đảng viên cao tuổi, đảng viên có hoàn cảnh khó khăn.",
        ],
        short=[
            "{noi} vừa trao Huy hiệu 50 năm tuổi Đảng cho {so} đảng viên lão thành.",
            "Nhiều đồng chí tuổi cao được lãnh đạo {cap} đến trao huy hiệu tại nhà riêng.",
            "Các đảng viên hứa tiếp tục gương mẫu ở khu dân cư.",
        ],
    ),
    dict(
        title="Nâng cao chất lượng sinh hoạt chuyên đề ở chi bộ nông thôn {xa}",
        lead="Sinh hoạt chuyên đề mỗi quý một lần đã giúp các chi bộ ở xã {xa} bàn sâu những việc khó, tránh hình thức.",
        body=[
            "Trước đây, buổi sinh hoạt của nhiều chi bộ chủ yếu là đọc báo cáo, thông báo công việc. Từ khi Đảng ủy xã ban hành hướng dẫn, mỗi chi bộ chọn một chuyên đề gắn với đời sống như làm đường giao thông, vệ sinh môi trường hay giữ gìn an ninh trật tự.",
            "Chi ủy chuẩn bị kỹ đề cương, phân công đảng viên tìm hiểu trước để phát biểu. Tỷ lệ đảng viên tham gia thảo luận tại các buổi sinh hoạt đã tăng lên rõ rệt, không khí sinh hoạt dân chủ, cởi mở hơn.",
            "Đảng ủy xã {xa} cử cán bộ dự sinh hoạt cùng các chi bộ khó khăn, kịp thời hướng dẫn và tháo gỡ vướng mắc từ cơ sở.",
            "Năm qua, {so} trên {so2} chi bộ của xã được đánh giá hoàn thành tốt nhiệm vụ trở lên, không có chi bộ yếu kém.",
        ],
        short=[
            "Các chi bộ ở xã {xa} duy trì sinh hoạt chuyên đề mỗi quý một lần với nội dung gắn với đời sống của nhân dân.",
            "Tỷ lệ đảng viên phát biểu tại các buổi sinh hoạt tăng rõ rệt.",
        ],
    ),
    dict(
        title="Khai giảng lớp bồi dưỡng lý luận chính trị cho đảng viên mới khóa {lan}",
        lead="Trung tâm Chính trị {noi} khai giảng lớp bồi dưỡng lý luận chính trị dành cho {so} đảng viên mới kết nạp.",
        body=[
            "Trong thời gian 10 ngày, học viên được nghiên cứu các chuyên đề về chủ nghĩa Mác - Lênin, tư tưởng Hồ Chí Minh, Điều lệ Đảng và nhiệm vụ của người đảng viên ở chi bộ cơ sở.",
            "Trung tâm bố trí giảng viên kiêm chức là lãnh đạo các ban xây dựng Đảng, giúp bài giảng gần với thực tiễn. Cuối khóa, mỗi học viên viết bài thu hoạch về trách nhiệm của bản thân.",
            "Phát biểu khai giảng, đồng chí Giám đốc Trung tâm đề nghị học viên chấp hành nghiêm nội quy, tích cực trao đổi, thảo luận để nắm vững kiến thức.",
            "Năm {nam}, Trung tâm dự kiến mở {so2} lớp bồi dưỡng các loại cho cán bộ, đảng viên trên địa bàn.",
        ],
        short=[
            "Trung tâm Chính trị {noi} vừa khai giảng lớp bồi dưỡng lý luận chính trị cho {so} đảng viên mới.",
            "Lớp học kéo dài 10 ngày, cuối khóa học viên viết bài thu hoạch.",
        ],
    ),
    dict(
        title="Sơ kết công tác xây dựng Đảng {quy} tháng đầu năm tại Đảng bộ {noi}",
        lead="Ban Thường vụ {cap} tổ chức hội nghị sơ kết, đánh giá kết quả thực hiện nhiệm vụ xây dựng Đảng và hệ thống chính trị.",
        body=[
            "Báo cáo tại hội nghị cho biết công tác chính trị tư tưởng được chú trọng, các cấp ủy kịp thời nắm bắt tâm tư của cán bộ, đảng viên và nhân dân trước những vấn đề dư luận quan tâm.",
            "Công tác tổ chức cán bộ được thực hiện đúng quy trình; đã điều động, luân chuyển {so} cán bộ, bổ nhiệm {so2} cán bộ lãnh đạo cấp phòng. Việc sắp xếp tổ chức bộ máy theo hướng tinh gọn đạt tiến độ đề ra.",
            "Tuy nhiên, hội nghị cũng chỉ ra việc phát triển đảng viên ở một số xã vùng sâu còn chậm; công tác dân vận ở một số nơi chưa sâu sát.",
            "Hội nghị thống nhất 6 nhóm nhiệm vụ trọng tâm cho những tháng cuối năm, trong đó ưu tiên chuẩn bị đại hội chi bộ và củng cố tổ chức cơ sở đảng.",
        ],
        short=[
            "Ban Thường vụ {cap} vừa sơ kết công tác xây dựng Đảng {quy} tháng đầu năm.",
            "Hội nghị thống nhất 6 nhóm nhiệm vụ trọng tâm, ưu tiên chuẩn bị đại hội chi bộ và củng cố tổ chức cơ sở đảng.",
        ],
    ),
    dict(
        title="Đảng ủy xã {xa} đối thoại với nhân dân về chuyển đổi số",
        lead="Buổi đối thoại thu hút đông đảo đảng viên, đoàn viên và người dân các thôn trong xã tham gia.",
        body=[
            "Tại buổi đối thoại, người dân nêu nhiều ý kiến về việc cài đặt ứng dụng dịch vụ công, thanh toán không dùng tiền mặt và đưa nông sản lên sàn thương mại điện tử.",
            "Đồng chí Bí thư Đảng ủy xã {xa} đã trả lời trực tiếp các ý kiến, đồng thời giao cho tổ công nghệ số cộng đồng ở mỗi thôn hướng dẫn tận nhà cho người cao tuổi.",
            "Đảng ủy xã yêu cầu mỗi đảng viên phải là một tuyên truyền viên về chuyển đổi số, trước hết trong gia đình và dòng họ của mình.",
            "Sau đối thoại, Đảng ủy xã sẽ tổng hợp các kiến nghị thuộc thẩm quyền cấp trên để báo cáo {cap}.",
        ],
        short=[
            "Đảng ủy xã {xa} vừa đối thoại với nhân dân về chuyển đổi số, trả lời trực tiếp {so} ý kiến của người dân.",
            "Mỗi đảng viên được giao hướng dẫn người thân cài đặt ứng dụng dịch vụ công.",
        ],
    ),
    dict(
        title="Hội thi Bí thư chi bộ giỏi năm {nam} của {noi}",
        lead="{so} thí sinh là bí thư chi bộ trực thuộc các đảng bộ cơ sở tranh tài qua ba phần thi.",
        body=[
            "Phần thi chào hỏi giúp thí sinh giới thiệu cách làm hay của chi bộ mình; phần thi kiến thức xoay quanh Điều lệ Đảng và các quy định về nghiệp vụ công tác đảng.",
            "Phần thi xử lý tình huống được đánh giá cao khi đưa ra những tình huống thường gặp ở cơ sở như đảng viên vi phạm chính sách dân số hay tranh chấp đất đai trong khu dân cư.",
            "Ban tổ chức đã trao giải nhất cho thí sinh đến từ xã {xa}; giải nhì và ba thuộc về các thí sinh khối cơ quan và lực lượng vũ trang.",
            "Hội thi là dịp để các bí thư chi bộ học hỏi kinh nghiệm lẫn nhau, nâng cao năng lực lãnh đạo của tổ chức cơ sở đảng.",
        ],
        short=[
            "{so} bí thư chi bộ đã tham gia Hội thi Bí thư chi bộ giỏi năm {nam} của {noi}.",
            "Giải nhất thuộc về thí sinh đến từ xã {xa}.",
            "Hội thi giúp các bí thư chi bộ học hỏi kinh nghiệm lẫn nhau.",
        ],
    ),
    dict(
        title="Rà soát, đưa ra khỏi Đảng đảng viên không còn đủ tư cách ở {noi}",
        lead="Việc sàng lọc đảng viên được thực hiện thận trọng, đúng quy trình, bảo đảm chất lượng đội ngũ.",
        body=[
            "Qua rà soát, các chi bộ đã xem xét, đề nghị xóa tên {so} đảng viên tự ý bỏ sinh hoạt đảng, không đóng đảng phí nhiều tháng liền mà không có lý do chính đáng.",
            "Trước khi đưa ra chi bộ, chi ủy đã gặp gỡ, động viên từng trường hợp; chỉ những đảng viên không chuyển biến mới bị đề nghị xóa tên.",
            "Ban Tổ chức {cap} lưu ý các chi bộ cần quản lý chặt chẽ đảng viên đi làm ăn xa, giữ liên lạc thường xuyên qua điện thoại và gia đình.",
            "Công tác sàng lọc gắn với đánh giá, xếp loại chất lượng đảng viên hằng năm, không chạy theo số lượng.",
        ],
        short=[
            "Năm {nam}, các chi bộ ở {noi} đề nghị xóa tên {so} đảng viên tự ý bỏ sinh hoạt.",
            "Mỗi trường hợp đều được chi ủy gặp gỡ, động viên trước khi đưa ra chi bộ xem xét.",
        ],
    ),
    dict(
        title="Thẩm định hồ sơ tổ chức cơ sở đảng trong sạch, vững mạnh tại xã {xa}",
        lead="Đoàn công tác của {cap} đã làm việc với Đảng ủy xã {xa} về kết quả đánh giá chất lượng tổ chức đảng.",
        body=[
            "Đoàn đã kiểm tra sổ sách, biên bản sinh hoạt chi bộ và hồ sơ đánh giá, xếp loại của {so} chi bộ trực thuộc Đảng ủy xã.",
            "Kết quả cho thấy phần lớn chi bộ duy trì nền nếp sinh hoạt, ghi biên bản đầy đủ. Một số chi bộ còn ghi chép sơ sài, chưa phản ánh ý kiến thảo luận của đảng viên.",
            "Đoàn đề nghị Đảng ủy xã {xa} hướng dẫn các chi bộ hoàn thiện hồ sơ trước khi trình {cap} xem xét công nhận.",
            "Việc thẩm định được tiến hành ở tất cả các đảng bộ cơ sở trên địa bàn, hoàn thành trước ngày 15 tháng 12.",
        ],
        short=[
            "Đoàn công tác của {cap} đã thẩm định hồ sơ đánh giá chất lượng của {so} chi bộ thuộc Đảng ủy xã {xa}.",
            "Các chi bộ được đề nghị hoàn thiện biên bản sinh hoạt trước khi trình công nhận.",
        ],
    ),
]

# Stories of the non-party sections: the portals also carry other news.
OTHER_TOPICS = [
    dict(
        title="Nông dân xã {xa} thu hoạch vụ lúa hè thu đạt năng suất cao",
        lead="Vụ hè thu năm nay, năng suất lúa bình quân của xã {xa} ước đạt {so} tạ mỗi héc-ta.",
        body=[
            "Nhờ thời tiết thuận lợi và áp dụng giống mới, các cánh đồng của xã {xa} cho năng suất cao hơn vụ trước.",
            "Hợp tác xã đã ký hợp đồng bao tiêu sản phẩm với doanh nghiệp, giúp nông dân yên tâm sản xuất.",
            "Ngành nông nghiệp khuyến cáo bà con xử lý rơm rạ đúng cách, không đốt đồng gây ô nhiễm môi trường.",
        ],
        short=[
            "Nông dân xã {xa} đang thu hoạch vụ lúa hè thu với năng suất ước đạt {so} tạ mỗi héc-ta.",
            "Hợp tác xã đã ký hợp đồng bao tiêu toàn bộ sản lượng.",
        ],
    ),
    dict(
        title="Khánh thành nhà văn hóa thôn {thon} xã {xa}",
        lead="Công trình có tổng mức đầu tư {so} trăm triệu đồng, trong đó nhân dân đóng góp gần một nửa.",
        body=[
            "Nhà văn hóa thôn {thon} được xây dựng trên diện tích hơn 300 mét vuông, có hội trường và sân thể thao.",
            "Người dân trong thôn đã hiến đất, góp ngày công và tiền để công trình sớm hoàn thành.",
            "Đây sẽ là nơi sinh hoạt cộng đồng, tổ chức các hoạt động văn hóa, văn nghệ của nhân dân.",
        ],
        short=[
            "Thôn {thon}, xã {xa} vừa khánh thành nhà văn hóa với tổng mức đầu tư {so} trăm triệu đồng.",
            "Nhân dân trong thôn đã đóng góp gần một nửa kinh phí xây dựng.",
        ],
    ),
    dict(
        title="Ra quân huấn luyện dân quân tự vệ năm {nam} tại {noi}",
        lead="Hơn {so} cán bộ, chiến sĩ dân quân tự vệ tham gia lễ ra quân huấn luyện.",
        body=[
            "Năm nay, lực lượng dân quân tự vệ tập trung huấn luyện kỹ thuật, chiến thuật và kỹ năng phòng chống thiên tai.",
            "Ban Chỉ huy Quân sự yêu cầu các đơn vị bảo đảm an toàn tuyệt đối trong quá trình huấn luyện.",
            "Kết thúc đợt huấn luyện sẽ tổ chức kiểm tra, đánh giá kết quả ở từng đơn vị.",
        ],
        short=[
            "Hơn {so} cán bộ, chiến sĩ dân quân tự vệ ở {noi} đã ra quân huấn luyện năm {nam}.",
            "Đợt huấn luyện tập trung vào kỹ năng phòng chống thiên tai.",
        ],
    ),
]

BYLINES = [
    "Minh Hằng", "Quốc Toản", "Thu Trang", "Văn Bình", "Ngọc Ánh", "Hữu Nghĩa", "Lan Phương", "Đức Thắng",
    "Thanh Huyền", "Bảo Ngọc", "Trọng Tín", "Kim Oanh", "Hoài Nam", "Phương Thảo", "Xuân Trường", "Mỹ Linh",
]
HAMLETS = ["Đông", "Tân Lập", "Bến Cát", "Hòa Bình", "Phú Lợi", "Làng Mới", "Cầu Đá", "Nà Lằng", "Tiên Phong", "Bãi Sậy"]

SLUG_TABLE = str.maketrans(
    "àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ",
    "aaaaaaaaaaaaaaaaaeeeeeeeeeeeiiiiiooooooooooooooooouuuuuuuuuuuyyyyyd",
)


def slugify(text: str) -> str:
    out = text.lower().translate(SLUG_TABLE)
    return "-".join("".join(c if c.isalnum() and c.isascii() else " " for c in out).split())


@dataclass
class Story:
    id: int
    title: str
    lead: str
    paragraphs: list[str]
    author: str | None
    published: datetime
    short: bool
    section: str  # "party" or "other"
    slug: str = ""
    extra: dict = field(default_factory=dict)  # a family's own ids (e.g. a Liferay urlTitle)

    def __post_init__(self):
        self.slug = self.slug or slugify(self.title)

    @property
    def body_chars(self) -> int:
        return sum(len(p) for p in self.paragraphs)


def story(n: int, topic: int, place: dict, published: datetime, *, short: bool = False, other: bool = False,
          author: str | None = "", id_base: int = 100) -> Story:
    """Story number ``n`` of a portal: topic ``topic`` filled in with the portal's ``place``."""
    template = (OTHER_TOPICS if other else TOPICS)[topic % len(OTHER_TOPICS if other else TOPICS)]
    seed = n * 7 + topic * 3 + len(place["noi"])
    slots = {
        "xa": place["xa"][n % len(place["xa"])], "noi": place["noi"], "cap": place["cap"],
        "thon": HAMLETS[seed % len(HAMLETS)], "nam": published.year, "nam2": published.year + 3,
        "so": 12 + seed % 40, "so2": 3 + seed % 9, "so3": 20 + seed % 70, "tien": 40 + seed % 30,
        "ti": 55 + seed % 40, "quy": (3, 6, 9)[seed % 3], "quy2": 1 + seed % 4, "lan": ("XV", "XVI", "XVII")[seed % 3],
        "ngay": f"{published.day}/{published.month}",
    }
    def fill(text: str) -> str:
        text = text.format(**slots)
        return text[:1].upper() + text[1:]

    title = fill(template["title"])
    if short:
        lead, paragraphs = "", [" ".join(fill(s) for s in template["short"])]
    else:
        lead, paragraphs = fill(template["lead"]), [fill(p) for p in template["body"]]
    if author == "":
        author = BYLINES[seed % len(BYLINES)]
    return Story(id_base + n, title, lead, paragraphs, author, published, short, "other" if other else "party")
